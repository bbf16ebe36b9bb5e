import "server-only";
import type { DB } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { clearEmailsFinishedBefore } from "@/db/queries/email-retention";
import { removeOutboxFiles, removeOutboxFilesOlderThan } from "./outbox-files";

const DAY_MS = 86_400_000;

/**
 * Sent mail keeps no content past `keepDays` (OUTBOX_KEEP_DAYS): in one IMMEDIATE
 * transaction, audited as counts, older sent and failed messages are deleted (newsletter
 * copies blanked instead, see clearEmailsFinishedBefore); after the commit their `.eml`
 * files go, with any other outbox file that old. Returns how many messages were cleared.
 */
export function clearOldSentEmails(database: DB, now: Date, keepDays: number) {
  const cutoff = new Date(now.getTime() - keepDays * DAY_MS);
  const { deleted, blanked } = database.transaction(
    (tx) => {
      const cleared = clearEmailsFinishedBefore(tx, cutoff);
      if (cleared.deleted.length + cleared.blanked.length > 0) {
        recordAudit(tx, null, {
          action: "email.retention",
          subjectType: "email",
          subjectId: "retention",
          detail: { deleted: cleared.deleted.length, blanked: cleared.blanked.length, keepDays },
        });
      }
      return cleared;
    },
    { behavior: "immediate" },
  );
  removeOutboxFiles([...deleted, ...blanked]);
  removeOutboxFilesOlderThan(cutoff);
  return deleted.length + blanked.length;
}
