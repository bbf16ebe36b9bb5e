import "server-only";
import type { AppError } from "@/lib/model/errors";
import type { UploadFormResult } from "./form-result";
import { forgetReturnedFormCookie, keepReturnedForm } from "./returned-forms";

/** A route's verdict on an upload form: taken (with words to show, if it stays on its page), or refused with the HTTP status to answer. */
export type UploadOutcome = { ok: true; message?: string } | (Extract<UploadFormResult, { ok: false }> & { status: number });

/** A refusal as an upload route answers it: the error's status, words and field errors, with what was typed. */
export const refusalOutcome = (error: AppError, values?: Record<string, string>): UploadOutcome => ({
  ok: false,
  status: error.status,
  message: error.message,
  code: error.code,
  fieldErrors: error.fieldErrors,
  values,
});

/** Whether the form was sent by the page's script (which asks for JSON) rather than by a browser without JavaScript. */
export const wantsJson = (request: Request) => (request.headers.get("accept") ?? "").includes("application/json");

/**
 * How much of a body left unread a browser without JavaScript may still send before its
 * answer: read and thrown away as it arrives, never kept.
 */
const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Reads what is left of a request's body and throws it away as it arrives, up to `limit`
 * bytes; true when the body ended within it.
 */
async function discardRestOfBody(request: Request, limit: number) {
  if (!request.body) return true;
  const reader = request.body.getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      read += value.byteLength;
      if (read > limit) return false;
    }
  } catch {
    return false;
  } finally {
    reader.releaseLock();
  }
}

/**
 * The headers that end an exchange whose body was not read to its end. Node closes such a
 * connection as soon as the answer is written, and a close with unread data resets it:
 * the sender may lose the answer. The page's script is answered at once (it never sends
 * a file over its cap, so this is a refusal made before reading, or a hand-made body),
 * with the connection closed. A browser without JavaScript shows its own error page for a
 * reset connection, so the rest of its body is read first, thrown away as it arrives (up
 * to DISCARD_LIMIT_BYTES): it then gets its answer page.
 */
async function endOfBodyHeaders(request: Request, bodyLeftUnread: boolean) {
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (bodyLeftUnread && (wantsJson(request) || !(await discardRestOfBody(request, DISCARD_LIMIT_BYTES)))) headers.set("Connection", "close");
  return headers;
}

/** A 303 to `location` for a browser without JavaScript, after what is left of its body (see endOfBodyHeaders). */
export async function redirectUploadForm(request: Request, location: string, options: { bodyLeftUnread: boolean }) {
  const headers = await endOfBodyHeaders(request, options.bodyLeftUnread);
  headers.set("Location", location);
  return new Response(null, { status: 303, headers });
}

/**
 * Answers an upload form. The page's script gets JSON: the outcome, and where to go next
 * when the form was taken and `pages.next` is set. A browser without JavaScript gets a
 * 303: to `pages.next` when taken, else to `pages.returned`, the page that shows the form
 * again with its errors or message (carried by a short-lived cookie, see returned-forms.ts).
 */
export async function answerUploadForm(request: Request, outcome: UploadOutcome, pages: { next?: string; returned: string }, options: { bodyLeftUnread: boolean }) {
  const headers = await endOfBodyHeaders(request, options.bodyLeftUnread);
  const { status, ...result } = outcome.ok ? { ...outcome, status: 200 } : outcome;
  if (wantsJson(request)) {
    return Response.json(outcome.ok && pages.next ? { ...result, redirect: pages.next } : result, { status, headers });
  }
  if (outcome.ok && pages.next) {
    headers.set("Location", pages.next);
    headers.append("Set-Cookie", forgetReturnedFormCookie(pages.returned));
  } else {
    headers.set("Location", pages.returned);
    headers.append("Set-Cookie", keepReturnedForm(result as UploadFormResult, pages.returned));
  }
  return new Response(null, { status: 303, headers });
}
