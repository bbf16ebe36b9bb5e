import "server-only";
import type { DB } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { deleteApplicationsOfPostingsClosedBefore, listUploadIds } from "@/db/queries/job-applications";
import { getJobSettings } from "@/db/queries/job-settings";
import { storeDay } from "@/lib/format";
import { removeLeftoverUploads, removeStoredUploads } from "./uploads";

const DAY_MS = 86_400_000;
/** A temporary upload file this old belongs to a request that ended long ago (one that crashed). */
const PENDING_UPLOAD_MAX_AGE_MS = DAY_MS;

/**
 * Retention (issue 10): deletes the applications to postings that closed more than the
 * configured number of days before `now`, with their résumé files' rows, in one
 * IMMEDIATE transaction audited as a count; then removes their files, and any file a
 * crash left without a row. Takes the database itself, not a transaction: files are
 * removed only after the deletion commits. Returns how many applications were deleted.
 */
export function deleteExpiredJobApplications(database: DB, now: Date) {
  const { deleted, uploadIds } = database.transaction(
    (tx) => {
      const { retentionDays } = getJobSettings(tx);
      const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
      const result = deleteApplicationsOfPostingsClosedBefore(tx, cutoff, storeDay(cutoff));
      if (result.deleted > 0) {
        recordAudit(tx, null, {
          action: "job_application.retention",
          subjectType: "job_application",
          subjectId: "retention",
          detail: { deleted: result.deleted, files: result.uploadIds.length, retentionDays },
        });
      }
      return result;
    },
    { behavior: "immediate" },
  );
  removeStoredUploads(uploadIds);
  removeLeftoverUploads(() => listUploadIds(database), now, PENDING_UPLOAD_MAX_AGE_MS);
  return deleted;
}
