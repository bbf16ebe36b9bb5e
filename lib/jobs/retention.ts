import "server-only";
import type { DB } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { deleteEmailsConcerning } from "@/db/queries/email-retention";
import { deleteApplicationsOfPostingsClosedBefore } from "@/db/queries/job-applications";
import { getJobSettings } from "@/db/queries/job-settings";
import { listUploadIds } from "@/db/queries/uploads";
import { removeOutboxFiles } from "@/lib/email/outbox-files";
import { storeDay } from "@/lib/model/format";
import { removeLeftoverUploads, removeStoredUploads } from "@/lib/uploads/storage";

const DAY_MS = 86_400_000;
/** A temporary upload file this old belongs to a request that ended long ago (one that crashed). */
const PENDING_UPLOAD_MAX_AGE_MS = DAY_MS;

/**
 * Retention: deletes the applications to postings that closed more than the configured
 * number of days before `now`, with their résumé files' rows and the mail about them, in
 * one IMMEDIATE transaction audited as counts; then removes their résumé and `.eml` files,
 * and any upload a crash left without a row. Takes the database itself, not a
 * transaction: files are removed only after the deletion commits. Returns how many
 * applications were deleted.
 */
export function deleteExpiredJobApplications(database: DB, now: Date) {
  const { ids, uploadIds, messageIds } = database.transaction(
    (tx) => {
      const { retentionDays } = getJobSettings(tx);
      const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
      const result = deleteApplicationsOfPostingsClosedBefore(tx, cutoff, storeDay(cutoff));
      const messageIds = deleteEmailsConcerning(tx, "job_application", result.ids);
      if (result.ids.length > 0) {
        recordAudit(tx, null, {
          action: "job_application.retention",
          subjectType: "job_application",
          subjectId: "retention",
          detail: { deleted: result.ids.length, files: result.uploadIds.length, emails: messageIds.length, retentionDays },
        });
      }
      return { ...result, messageIds };
    },
    { behavior: "immediate" },
  );
  removeStoredUploads(uploadIds);
  removeOutboxFiles(messageIds);
  removeLeftoverUploads(() => listUploadIds(database), now, PENDING_UPLOAD_MAX_AGE_MS);
  return ids.length;
}
