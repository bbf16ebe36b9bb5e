import "server-only";
import type { DB } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { deleteExpiredPendingSubscribers } from "@/db/queries/newsletter-subscribers";

/**
 * Unconfirmed signups expire (issue 11): a pending subscriber whose confirmation link
 * ran out is deleted, audited as a count. Run by the server's daily maintenance.
 */
export function deleteExpiredNewsletterSignups(database: DB, now: Date) {
  return database.transaction(
    (tx) => {
      const deleted = deleteExpiredPendingSubscribers(tx, now);
      if (deleted > 0) {
        recordAudit(tx, null, { action: "newsletter_subscriber.expire", subjectType: "newsletter_subscriber", subjectId: "expired", detail: { deleted } });
      }
      return deleted;
    },
    { behavior: "immediate" },
  );
}
