import "server-only";
import { db } from "@/db";
import { recordAudit, type AuditActor } from "@/db/queries/audit";
import {
  BOUNCED_ERROR_PREFIX,
  clearAddressBounce,
  countTemporaryFailure,
  findNewsletterEmailsToBouncedAddresses,
  markAddressBounced,
  resetTemporaryFailures,
  withdrawQueuedNewsletterEmails,
} from "@/db/queries/newsletter-bounces";
import type { Tx } from "@/db/queries/executor";
import { getSubscriberById } from "@/db/queries/newsletter-subscribers";
import { AppError } from "@/lib/model/errors";

// As the subscription code names a subscriber in the audit log (not imported: that module queues mail, and the worker imports this one).
const subscriberSubject = (id: number) => ({ subjectType: "newsletter_subscriber", subjectId: String(id) });

/**
 * What a failed delivery says about its address. Only an answer to the recipient (RCPT) or
 * to the message (DATA) speaks of the address: a 5xx there is a refusal for good, a 4xx a
 * refusal for now. A connection that failed, or a refused sender (MAIL FROM), says nothing
 * about who the mail was for: the portal hands all mail to one SMTP server, so counting those
 * would bounce every subscriber during an outage.
 */
export type AddressRefusal = { kind: "permanent" | "temporary"; reason: string };

export function classifyDeliveryError(error: unknown): AddressRefusal | null {
  if (!(error instanceof Error)) return null;
  const { responseCode, command, response } = error as Error & { responseCode?: unknown; command?: unknown; response?: unknown };
  if (typeof responseCode !== "number" || (command !== "RCPT TO" && command !== "DATA")) return null;
  // The server's own words (nodemailer's message adds its preamble to them).
  const reason = (typeof response === "string" ? response : error.message).slice(0, 500);
  if (responseCode >= 500 && responseCode < 600) return { kind: "permanent", reason };
  if (responseCode >= 400 && responseCode < 500) return { kind: "temporary", reason };
  return null;
}

/** The outbox error of a message that failed because its address bounced (see BOUNCED_ERROR_PREFIX). */
export const bouncedError = (reason: string) => `${BOUNCED_ERROR_PREFIX}${reason}`;

/** A campaign copy not sent because its address had bounced by the time it was due. */
export const WITHHELD_ERROR = bouncedError("not sent: this address had bounced before the message left.");

function markBouncedInTransaction(tx: Tx, email: string, reason: string, at: Date) {
  const subscriberId = markAddressBounced(tx, email, reason, at);
  if (subscriberId === null) return false;
  const withdrawn = withdrawQueuedNewsletterEmails(tx, subscriberId, WITHHELD_ERROR);
  recordAudit(tx, null, { action: "newsletter_subscriber.bounce", ...subscriberSubject(subscriberId), detail: { withdrawnEmails: withdrawn } });
  return true;
}

/**
 * Records what a failed delivery to `address` says about a subscriber with that address
 * (any mail counts as evidence, a sign-in link as much as a campaign copy): a permanent
 * refusal marks the address bounced at once; a temporary one counts, and the
 * `limit`-th in a row marks it bounced too. A bounce withdraws the subscriber's campaign
 * copies still queued, in the same transaction. Returns whether the address is now bounced.
 */
export function recordAddressRefusal(address: string, refusal: AddressRefusal, limit: number, at = new Date()) {
  const email = address.toLowerCase();
  return db.transaction(
    (tx) => {
      if (refusal.kind === "permanent") return markBouncedInTransaction(tx, email, refusal.reason, at);
      const counted = countTemporaryFailure(tx, email);
      if (!counted || counted.temporaryFailures < limit) return false;
      return markBouncedInTransaction(tx, email, `${refusal.reason} (${counted.temporaryFailures} temporary failures in a row)`, at);
    },
    { behavior: "immediate" },
  );
}

/** A message reached `address`: a subscriber's count of temporary failures starts again (a bounce stays until staff clear it). */
export function recordAddressReached(address: string) {
  resetTemporaryFailures(db, address.toLowerCase());
}

/** Of the claimed messages, the campaign copies to a bounced address, which must not be sent. */
export function newsletterEmailsToBouncedAddresses(emailIds: number[]) {
  return new Set(findNewsletterEmailsToBouncedAddresses(db, emailIds));
}

/** Staff: mail may go to a bounced address again (the person fixed their mailbox); audited. */
export function clearBounceByStaff(staff: AuditActor, subscriberId: number) {
  return db.transaction(
    (tx) => {
      const subscriber = getSubscriberById(tx, subscriberId);
      if (!subscriber) throw new AppError("not_found", "That subscriber no longer exists.");
      const cleared = clearAddressBounce(tx, subscriberId);
      if (cleared) recordAudit(tx, staff, { action: "newsletter_subscriber.clear_bounce", ...subscriberSubject(subscriberId), detail: { bouncedAt: subscriber.bouncedAt?.toISOString() } });
      return { cleared };
    },
    { behavior: "immediate" },
  );
}
