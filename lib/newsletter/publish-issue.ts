import "server-only";
import { fileTypeFromBlob } from "file-type";
import { db } from "@/db";
import { recordAudit, type AuditActor } from "@/db/queries/audit";
import { deleteNewsletterIssue, insertNewsletterIssue, type IssueRefusal } from "@/db/queries/newsletter-issues";
import { explainRefusals, invalidFields } from "@/lib/model/errors";
import { resumeDownloadName } from "@/lib/jobs/resume-file-name";
import { removeStoredUploads, type PendingUpload } from "@/lib/uploads/storage";
import { assertUploadFits, uploadSpace, type UploadRefusal } from "@/lib/uploads/quota";
import { issuePdfQuotaMessage, type NewsletterIssueInput } from "@/lib/validations/newsletter-issues";
import { formatFileSize, issueSlug } from "./issue-files";

/** The PDF field's words when the quota has no room, with the space as it stands now. */
export function quotaFullWords() {
  const space = uploadSpace();
  return issuePdfQuotaMessage(formatFileSize(space.usedBytes), formatFileSize(space.quotaBytes));
}

/** What the query layer's refusals mean to staff publishing or deleting an issue. */
const explained = explainRefusals<IssueRefusal | UploadRefusal>({
  slug_taken: () => invalidFields({ title: ["There is already an issue with this date and title. Change the title, or delete the other issue first."] }),
  upload_quota_full: () => invalidFields({ pdf: [quotaFullWords()] }),
  issue_not_found: "That issue was already deleted. Reload to see the latest.",
});

/**
 * Whether a written file's content is a PDF (never its name or the type the browser
 * claimed). file-type reads only the bytes it needs from the start of the file.
 */
export async function isPdf(pending: PendingUpload) {
  return (await fileTypeFromBlob(await pending.blob()))?.mime === "application/pdf";
}

/**
 * Staff: stores an issue of The Rutabaga Rap whose PDF is already written under its
 * temporary name and checked by content: the upload's row (if it fits the uploads'
 * quota), the issue's and the audit entry are one IMMEDIATE transaction, after whose
 * commit the file takes its final name. On any refusal or failure the file is removed:
 * nothing is left.
 */
export function publishNewsletterIssue(fields: Omit<NewsletterIssueInput, "pdf">, pdf: { pending: PendingUpload; name: string }, actor: AuditActor) {
  const slug = issueSlug(fields.issuedOn, fields.title);
  const { pending } = pdf;
  const file = { id: pending.id, originalName: resumeDownloadName(pdf.name, "pdf"), contentType: "application/pdf", sizeBytes: pending.sizeBytes };
  let id: number;
  try {
    id = db.transaction(
      (tx) => {
        assertUploadFits(tx, file.sizeBytes);
        const created = insertNewsletterIssue(tx, { ...fields, slug }, file, actor.id);
        recordAudit(tx, actor, { action: "newsletter_issue.create", subjectType: "newsletter_issue", subjectId: String(created), detail: { title: fields.title, issuedOn: fields.issuedOn, sizeBytes: file.sizeBytes } });
        return created;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    pending.discard();
    throw explained(error);
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
    throw explained(error);
  }
  removeStoredUploads([removed.uploadId]);
}
