import "server-only";
import { revalidateTag } from "next/cache";
import type { SessionUser } from "@/lib/auth/session";
import { cacheTags } from "@/lib/cache-tags";
import { AppError, CORRECT_FIELDS, isAppError } from "@/lib/model/errors";
import { admitStaffUpload } from "@/lib/uploads/admit-staff-upload";
import { refusalOutcome, wantsJson, type UploadOutcome } from "@/lib/uploads/answer-upload-form";
import { uploadSpace } from "@/lib/uploads/quota";
import { declaresMoreThanCap, readUploadForm, typedValues, type FileRefusal, type ReceivedForm } from "@/lib/uploads/read-upload-form";
import { fieldErrorsOf } from "@/lib/validations/field-errors";
import { issueNotPdfMessage, issuePdfNoSpaceMessage, issuePdfTooLargeMessage, newsletterIssueSchema } from "@/lib/validations/newsletter-issues";
import { isPdf, publishNewsletterIssue, quotaFullWords } from "./publish-issue";
import { ISSUE_PDF_MAX_BYTES } from "@/lib/model/newsletter";

export const ISSUE_PUBLISHED = "Published: the issue is on the public list and in its feed.";

export type IssueReceipt = { outcome: UploadOutcome; bodyLeftUnread: boolean };

const refusalWords: Record<FileRefusal, () => string> = { too_large: () => issuePdfTooLargeMessage, over_quota: quotaFullWords, no_space: () => issuePdfNoSpaceMessage };

/**
 * Staff: uploads an issue of The Rutabaga Rap through its upload route. A post from
 * another site, or from anyone but staff, or (to the page's script) a body declared
 * longer than the form can be, is refused before a byte of the body is read;
 * then the form is read as it arrives, the PDF straight to disk up to its 20 MB cap and
 * the room under the uploads' quota, checked by content, and stored. The public list,
 * its `#latest` anchor (the aside's link) and the feed show it at the next request.
 */
export async function receiveNewsletterIssue(request: Request): Promise<IssueReceipt> {
  const admitted = await admitStaffUpload(request);
  if (!admitted.ok) return { outcome: admitted.outcome, bodyLeftUnread: true };
  const { actor } = admitted;
  if (wantsJson(request) && declaresMoreThanCap(request, ISSUE_PDF_MAX_BYTES)) {
    // The page's script stops such a file before sending it, and keeps what was typed itself.
    return { outcome: { ok: false, status: 413, message: CORRECT_FIELDS, fieldErrors: { pdf: [issuePdfTooLargeMessage] } }, bodyLeftUnread: true };
  }
  const form = await readUploadForm(request, { fileField: "pdf", maxFileBytes: ISSUE_PDF_MAX_BYTES, roomBytes: uploadSpace().roomBytes });
  if (!form) return { outcome: refusalOutcome(new AppError("bad_request", "This form could not be read. Reload the page and send it again.")), bodyLeftUnread: true };
  let taken = false;
  try {
    const outcome = await takeIssue(form, actor);
    taken = outcome.ok;
    return { outcome, bodyLeftUnread: form.cutOff };
  } finally {
    if (!taken) form.file?.pending?.discard();
  }
}

/** Checks the received form (text fields, the PDF's size and content) and publishes the issue. */
async function takeIssue(form: ReceivedForm, actor: SessionUser): Promise<UploadOutcome> {
  const values = typedValues(form, Object.keys(newsletterIssueSchema.shape));
  const { file } = form;
  const parsed = newsletterIssueSchema.safeParse({ ...form.fields, pdf: file ?? undefined });
  const fieldErrors: Record<string, string[]> = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (file?.refusal) fieldErrors.pdf = [refusalWords[file.refusal]()];
  else if (form.cutOff) fieldErrors.form = ["This form is larger than an issue can be, so it was not read. Reload the page and send it again."];
  if (file?.pending && !fieldErrors.pdf && !(await isPdf(file.pending))) fieldErrors.pdf = [issueNotPdfMessage];
  if (!file?.pending) fieldErrors.pdf ??= ["Choose the issue’s PDF file."];
  if (!parsed.success || Object.keys(fieldErrors).length > 0 || !file?.pending) {
    return { ok: false, status: form.cutOff || file?.refusal === "too_large" ? 413 : 400, message: CORRECT_FIELDS, fieldErrors, values };
  }
  const { pdf: _received, ...fields } = parsed.data;
  try {
    publishNewsletterIssue(fields, { pending: file.pending, name: file.name }, actor);
  } catch (error) {
    if (isAppError(error)) return refusalOutcome(error, values);
    throw error;
  }
  // The cache handler expires a tag at once, whatever the profile (lib/cache/memory-cache-handler.js).
  revalidateTag(cacheTags.newsletterIssues, { expire: 0 });
  return { ok: true, message: ISSUE_PUBLISHED };
}
