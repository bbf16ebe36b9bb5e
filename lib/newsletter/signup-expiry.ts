import "server-only";
import type { DB } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { deleteEmailsConcerning } from "@/db/queries/email-retention";
import { dropPendingMemberships } from "@/db/queries/newsletter-lists";
import { deleteExpiredPendingSubscribers } from "@/db/queries/newsletter-subscribers";
import { removeOutboxFiles } from "@/lib/email/outbox-files";

/**
 * Unconfirmed signups expire, as the confirmation email promises: a pending subscriber
 * whose confirmation link ran out is deleted with that email (row, and `.eml` file after
 * the commit), audited as counts; an unsubscribed person who signed up again and never
 * confirmed keeps their unsubscribed row but loses the dead link's email and the lists it
 * chose (still waiting, never consented). Run by the
 * server's daily maintenance; returns how many signups were deleted.
 */
export function deleteExpiredNewsletterSignups(database: DB, now: Date) {
  const { deleted, messageIds } = database.transaction(
    (tx) => {
      const { deleted, lapsed } = deleteExpiredPendingSubscribers(tx, now);
      dropPendingMemberships(tx, lapsed);
      const messageIds = deleteEmailsConcerning(tx, "newsletter_subscriber", [...deleted, ...lapsed]);
      if (deleted.length > 0 || messageIds.length > 0) {
        recordAudit(tx, null, {
          action: "newsletter_subscriber.expire",
          subjectType: "newsletter_subscriber",
          subjectId: "expired",
          detail: { deleted: deleted.length, emails: messageIds.length },
        });
      }
      return { deleted, messageIds };
    },
    { behavior: "immediate" },
  );
  removeOutboxFiles(messageIds);
  return deleted.length;
}
