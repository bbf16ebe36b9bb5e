import { receiveNewsletterIssue } from "@/lib/newsletter/receive-issue";
import { answerUploadForm, redirectUploadForm, wantsJson } from "@/lib/uploads/answer-upload-form";

/*
 * Staff's Rutabaga Rap upload form posts here (multipart, with or without JavaScript): a
 * route handler rather than a server action, so that nobody but staff gets a 20 MB body
 * read, and that body goes straight to disk. Outside /staff, where proxy.ts would hold a
 * copy of the body in memory for itself.
 */

const ISSUES_PAGE = "/staff/newsletter/issues";

export async function POST(request: Request) {
  const { outcome, bodyLeftUnread } = await receiveNewsletterIssue(request);
  if (!outcome.ok && outcome.code === "unauthorized" && !wantsJson(request)) {
    // A browser without JavaScript whose session ended: to sign in, and back to the page.
    return await redirectUploadForm(request, `/login?callbackUrl=${encodeURIComponent(ISSUES_PAGE)}`, { bodyLeftUnread });
  }
  return await answerUploadForm(request, outcome, { returned: ISSUES_PAGE }, { bodyLeftUnread });
}

/** Nothing to read here: an address under /api/staff answers nothing a cache may keep. */
export function GET() {
  return new Response("This address takes the Rutabaga Rap upload form's POST.\n", {
    status: 405,
    headers: { Allow: "POST", "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
  });
}
