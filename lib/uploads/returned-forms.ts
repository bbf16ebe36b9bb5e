import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { getEnv } from "@/lib/env";
import type { UploadFormResult } from "./form-result";

// A form posted without JavaScript to an upload route comes back as a page. The route
// answers 303 to that page, which must render per request to show the errors and what was
// typed; the public apply page itself stays prerendered, so a refused application comes
// back at a page of its own (`…/apply/returned`). What was typed is personal data: it is
// never put in the address (which logs and histories keep), only in this process's memory
// for a few minutes, under a random id that a cookie scoped to that one page carries.
// Shown once, then forgotten. A second server process would not have it; the page then
// shows the empty form, as after the ten minutes.

const COOKIE = "coop-returned-form";
const LIFETIME_SECONDS = 10 * 60;
/**
 * What all kept forms may hold together, in characters (a form's text is at most 256 kB):
 * a flood of refusals drops the oldest, and memory never grows past it.
 */
const MAX_KEPT_CHARACTERS = 2_000_000;

type Kept = { form: UploadFormResult; path: string; until: number; size: number };
type Store = { forms: Map<string, Kept>; characters: number };
const store: Store = ((globalThis as { coopReturnedForms?: Store }).coopReturnedForms ??= { forms: new Map(), characters: 0 });

function forget(id: string) {
  const entry = store.forms.get(id);
  if (!entry) return;
  store.forms.delete(id);
  store.characters -= entry.size;
}

function cookieAttributes(path: string, maxAge: number) {
  const secure = getEnv().siteUrl.startsWith("https:") ? "; Secure" : "";
  return `Path=${path}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

/** Keeps a form for the page at `path` to show once; returns the Set-Cookie value that lets that page find it. */
export function keepReturnedForm(form: UploadFormResult, path: string) {
  const now = Date.now();
  const size = JSON.stringify(form).length;
  // Oldest first (a Map keeps insertion order): the expired, then as many as the new one needs room for.
  for (const [id, entry] of store.forms) if (entry.until <= now || store.characters + size > MAX_KEPT_CHARACTERS) forget(id);
  const id = randomBytes(16).toString("hex");
  if (size <= MAX_KEPT_CHARACTERS) {
    store.forms.set(id, { form, path, until: now + LIFETIME_SECONDS * 1000, size });
    store.characters += size;
  }
  return `${COOKIE}=${id}; ${cookieAttributes(path, LIFETIME_SECONDS)}`;
}

/** The Set-Cookie value that forgets a form kept for `path` (after the form was taken). */
export const forgetReturnedFormCookie = (path: string) => `${COOKIE}=; ${cookieAttributes(path, 0)}`;

/** For the page at `path`: the form the route sent this browser back with, once; null when there is none (or no longer). */
export async function takeReturnedForm(path: string): Promise<UploadFormResult | null> {
  const id = (await cookies()).get(COOKIE)?.value ?? "";
  const entry = store.forms.get(id);
  if (!entry || entry.path !== path) return null;
  forget(id);
  return entry.until > Date.now() ? entry.form : null;
}
