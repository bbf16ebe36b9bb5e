import "server-only";
import type { DB } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { deleteEmailsConcerning } from "@/db/queries/email-retention";
import { deleteApplicationsDeclinedBefore } from "@/db/queries/owner-application-deletion";
import { removeOutboxFiles } from "@/lib/email/outbox-files";

const DAY_MS = 86_400_000;

/**
 * A declined application, with its FLOWER answers, household and the mail about it, is
 * deleted `keepDays` (DECLINED_APPLICATION_KEEP_DAYS) after its decision: long enough for
 * the applicant to ask about it or apply again, no longer. One IMMEDIATE transaction
 * audited as counts, then the `.eml` files. Returns how many applications went.
 */
export function deleteExpiredDeclinedApplications(database: DB, now: Date, keepDays: number) {
  const { ids, messageIds } = database.transaction(
    (tx) => {
      const ids = deleteApplicationsDeclinedBefore(tx, new Date(now.getTime() - keepDays * DAY_MS));
      const messageIds = deleteEmailsConcerning(tx, "owner_application", ids);
      if (ids.length > 0) {
        recordAudit(tx, null, {
          action: "owner_application.retention",
          subjectType: "owner_application",
          subjectId: "retention",
          detail: { deleted: ids.length, emails: messageIds.length, keepDays },
        });
      }
      return { ids, messageIds };
    },
    { behavior: "immediate" },
  );
  removeOutboxFiles(messageIds);
  return ids.length;
}
