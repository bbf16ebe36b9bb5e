import "server-only";
import { and, eq, inArray, lt } from "drizzle-orm";
import { emailOutbox, newsletterDeliveries, newsletterSubscribers, type NewsletterSubscriber } from "../schema";
import type { Executor } from "./executor";

export function getSubscriberByEmail(executor: Executor, email: string): NewsletterSubscriber | null {
  return executor.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)).get() ?? null;
}

export function getSubscriberById(executor: Executor, id: number): NewsletterSubscriber | null {
  return executor.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.id, id)).get() ?? null;
}

export function getSubscriberByConfirmTokenHash(executor: Executor, hash: string): NewsletterSubscriber | null {
  return executor.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.confirmTokenHash, hash)).get() ?? null;
}

/**
 * The subscriber an unsubscribe token belongs to: their own token (the link shown after
 * confirming), or the token of one campaign email sent to them (none once that
 * subscriber was erased: the delivery is kept for its campaign's counts, naming nobody).
 */
export function getSubscriberByUnsubscribeTokenHash(executor: Executor, hash: string): NewsletterSubscriber | null {
  const own = executor.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.unsubscribeTokenHash, hash)).get();
  if (own) return own;
  const delivery = executor
    .select({ subscriberId: newsletterDeliveries.subscriberId })
    .from(newsletterDeliveries)
    .where(eq(newsletterDeliveries.unsubscribeTokenHash, hash))
    .get();
  return delivery?.subscriberId ? getSubscriberById(executor, delivery.subscriberId) : null;
}

export function insertPendingSubscriber(
  executor: Executor,
  values: { email: string; firstName: string | null; confirmTokenHash: string; confirmTokenExpiresAt: Date; signedUpAt: Date },
) {
  return executor
    .insert(newsletterSubscribers)
    .values({ ...values, status: "pending" })
    .returning({ id: newsletterSubscribers.id })
    .get().id;
}

/**
 * A new confirmation link for someone not (or no longer) subscribed. An unsubscribed row
 * stays unsubscribed until the new link is used: a signup typed in by someone else must
 * not undo an unsubscription.
 */
export function renewConfirmToken(
  executor: Executor,
  id: number,
  values: { firstName: string | null; confirmTokenHash: string; confirmTokenExpiresAt: Date; signedUpAt: Date },
) {
  executor
    .update(newsletterSubscribers)
    .set({
      confirmTokenHash: values.confirmTokenHash,
      confirmTokenExpiresAt: values.confirmTokenExpiresAt,
      signedUpAt: values.signedUpAt,
      ...(values.firstName ? { firstName: values.firstName } : {}),
    })
    .where(and(eq(newsletterSubscribers.id, id), inArray(newsletterSubscribers.status, ["pending", "unsubscribed"])))
    .run();
}

/** Someone who proved the address by signing in: confirmed at once (see subscribeFromAccount). */
export function insertConfirmedSubscriber(
  executor: Executor,
  values: { email: string; firstName: string | null; at: Date; ip: string; unsubscribeTokenHash: string },
) {
  return executor
    .insert(newsletterSubscribers)
    .values({
      email: values.email,
      firstName: values.firstName,
      status: "confirmed",
      signedUpAt: values.at,
      confirmedAt: values.at,
      confirmIp: values.ip,
      unsubscribeTokenHash: values.unsubscribeTokenHash,
    })
    .returning({ id: newsletterSubscribers.id })
    .get().id;
}

/**
 * Records consent: confirmed now from `ip`, with a fresh unsubscribe token. The confirm
 * token is spent, and an earlier unsubscribe date no longer applies.
 */
export function markSubscriberConfirmed(executor: Executor, id: number, values: { at: Date; ip: string; unsubscribeTokenHash: string }) {
  executor
    .update(newsletterSubscribers)
    .set({
      status: "confirmed",
      confirmedAt: values.at,
      confirmIp: values.ip,
      unsubscribeTokenHash: values.unsubscribeTokenHash,
      confirmTokenHash: null,
      confirmTokenExpiresAt: null,
      unsubscribedAt: null,
    })
    .where(eq(newsletterSubscribers.id, id))
    .run();
}

/** Unsubscribes; a pending confirmation link stops working too. Returns whether the status changed. */
export function markSubscriberUnsubscribed(executor: Executor, id: number, at: Date) {
  return (
    executor
      .update(newsletterSubscribers)
      .set({ status: "unsubscribed", unsubscribedAt: at, confirmTokenHash: null, confirmTokenExpiresAt: null })
      .where(and(eq(newsletterSubscribers.id, id), inArray(newsletterSubscribers.status, ["pending", "confirmed"])))
      .run().changes > 0
  );
}

/**
 * Takes this subscriber's campaign emails that have not left yet out of the outbox and
 * marks their deliveries cancelled; returns how many. Run it in the unsubscribing
 * transaction (IMMEDIATE): the worker claims messages by a write, so none can move from
 * queued to sending between the select and the delete.
 */
export function cancelQueuedNewsletterEmails(executor: Executor, subscriberId: number) {
  const waiting = executor
    .select({ deliveryId: newsletterDeliveries.id, emailId: emailOutbox.id })
    .from(newsletterDeliveries)
    .innerJoin(emailOutbox, eq(emailOutbox.id, newsletterDeliveries.emailId))
    .where(and(eq(newsletterDeliveries.subscriberId, subscriberId), eq(newsletterDeliveries.status, "queued"), eq(emailOutbox.status, "queued")))
    .all();
  if (waiting.length === 0) return 0;
  executor
    .update(newsletterDeliveries)
    .set({ status: "cancelled" })
    .where(inArray(newsletterDeliveries.id, waiting.map((row) => row.deliveryId)))
    .run();
  executor
    .delete(emailOutbox)
    .where(and(inArray(emailOutbox.id, waiting.map((row) => row.emailId)), eq(emailOutbox.status, "queued")))
    .run();
  return waiting.length;
}

/**
 * Unconfirmed signups whose link expired before `now`: pending rows are deleted (they
 * never consented; nothing is kept of them), and an unsubscribed row that was signed up
 * again only loses its dead link. Returns the ids of both, whose confirmation mail goes too.
 */
export function deleteExpiredPendingSubscribers(executor: Executor, now: Date) {
  const expired = lt(newsletterSubscribers.confirmTokenExpiresAt, now);
  const deleted = executor
    .delete(newsletterSubscribers)
    .where(and(eq(newsletterSubscribers.status, "pending"), expired))
    .returning({ id: newsletterSubscribers.id })
    .all();
  const lapsed = executor
    .update(newsletterSubscribers)
    .set({ confirmTokenHash: null, confirmTokenExpiresAt: null })
    .where(expired)
    .returning({ id: newsletterSubscribers.id })
    .all();
  return { deleted: deleted.map((row) => row.id), lapsed: lapsed.map((row) => row.id) };
}
