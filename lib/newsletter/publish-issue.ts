import "server-only";
import { fileTypeFromBlob } from "file-type";
import { db } from "@/db";
import { recordAudit, type AuditActor } from "@/db/queries/audit";
import { deleteNewsletterIssue, getNewsletterIssueBySlug, insertNewsletterIssue } from "@/db/queries/newsletter-issues";
import { AppError, isAppError } from "@/lib/errors";
import { resumeDownloadName } from "@/lib/jobs/resume-file-name";
import { removeStoredUploads, writePendingUpload, type PendingUpload } from "@/lib/jobs/uploads";
import { issueNotPdfMessage, issuePdfNoSpaceMessage, issuePdfTooLargeMessage, type NewsletterIssueInput } from "@/lib/validations/newsletter-issues";
import { issueSlug } from "./issue-files";
import { ISSUE_PDF_MAX_BYTES } from "./vocabulary";

const CORRECT_FIELDS = "Please correct the fields marked below.";
const fieldError = (field: string, message: string) => new AppError("bad_request", CORRECT_FIELDS, { [field]: [message] });
const slugTaken = () => fieldError("title", "There is already an issue with this date and title. Change the title, or delete the other issue first.");

/**
 * Whether a file's content is a PDF (never its name or the type the browser claimed).
 * file-type reads only the bytes it needs from the start of the file.
 */
async function isPdf(file: Blob) {
  return (await fileTypeFromBlob(file))?.mime === "application/pdf";
}

/**
 * Staff: stores an issue of The Rutabaga Rap. The PDF is checked by its content before
 * anything is written, then written under a temporary name; the upload's row, the
 * issue's and the audit entry are one IMMEDIATE transaction, after whose commit the file
 * takes its final name. On any refusal or failure the file is removed: nothing is left.
 */
export async function publishNewsletterIssue(input: NewsletterIssueInput, actor: AuditActor) {
  const { pdf, ...fields } = input;
  const slug = issueSlug(fields.issuedOn, fields.title);
  if (getNewsletterIssueBySlug(slug)) throw slugTaken();
  if (!(await isPdf(pdf))) throw fieldError("pdf", issueNotPdfMessage);
  let pending: PendingUpload;
  try {
    pending = await writePendingUpload(pdf, ISSUE_PDF_MAX_BYTES);
  } catch (error) {
    if (error instanceof Error && error.message === "upload_too_large") throw fieldError("pdf", issuePdfTooLargeMessage);
    if (error instanceof Error && error.message === "upload_no_space") throw fieldError("pdf", issuePdfNoSpaceMessage);
    throw error;
  }
  const file = { id: pending.id, originalName: resumeDownloadName(pdf.name, "pdf"), contentType: "application/pdf", sizeBytes: pending.sizeBytes };
  let id: number;
  try {
    id = db.transaction(
      (tx) => {
        const created = insertNewsletterIssue(tx, { ...fields, slug }, file, actor.id);
        recordAudit(tx, actor, { action: "newsletter_issue.create", subjectType: "newsletter_issue", subjectId: String(created), detail: { title: fields.title, issuedOn: fields.issuedOn, sizeBytes: file.sizeBytes } });
        return created;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    pending.discard();
    if (isAppError(error) && error.message === "slug_taken") throw slugTaken();
    throw error;
  }
  pending.keep();
  return { id, slug };
}

/** Staff: deletes an issue, audited; its file is removed from disk once the deletion commits. */
export function removeNewsletterIssue(id: number, actor: AuditActor) {
  let removed: ReturnType<typeof deleteNewsletterIssue>;
  try {
    removed = db.transaction(
      (tx) => {
        const issue = deleteNewsletterIssue(tx, id);
        recordAudit(tx, actor, { action: "newsletter_issue.delete", subjectType: "newsletter_issue", subjectId: String(id), detail: { title: issue.title, issuedOn: issue.issuedOn } });
        return issue;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (isAppError(error) && error.message === "issue_not_found") throw new AppError("not_found", "That issue was already deleted. Reload to see the latest.");
    throw error;
  }
  removeStoredUploads([removed.uploadId]);
}
