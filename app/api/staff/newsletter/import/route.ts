import { IMPORT_PAGE, receiveImportFile } from "@/lib/newsletter/receive-import";
import { answerUploadForm, redirectUploadForm, wantsJson } from "@/lib/uploads/answer-upload-form";

/*
 * Staff's list-import form posts here (multipart, with or without JavaScript), as the
 * Rutabaga Rap upload does: a route handler, so that nobody but staff gets a body read and
 * the file goes straight to disk; outside /staff, where proxy.ts would copy bodies. A kept
 * file is answered with its preview's address.
 */

export async function POST(request: Request) {
  const { outcome, next, bodyLeftUnread } = await receiveImportFile(request);
  if (!outcome.ok && outcome.code === "unauthorized" && !wantsJson(request)) {
    // A browser without JavaScript whose session ended: to sign in, and back to the page.
    return await redirectUploadForm(request, `/login?callbackUrl=${encodeURIComponent(IMPORT_PAGE)}`, { bodyLeftUnread });
  }
  return await answerUploadForm(request, outcome, { returned: IMPORT_PAGE, next }, { bodyLeftUnread });
}

/** Nothing to read here: an address under /api/staff answers nothing a cache may keep. */
export function GET() {
  return new Response("This address takes the list import form's POST.\n", {
    status: 405,
    headers: { Allow: "POST", "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
  });
}
