import "server-only";
import { and, desc, eq, gt, inArray, isNotNull, isNull, like, sql } from "drizzle-orm";
import { db } from "../index";
import { emailOutbox, newsletterDeliveries, newsletterSubscribers } from "../schema";
import type { Executor } from "./executor";

const subscribers = newsletterSubscribers;
const deliveries = newsletterDeliveries;

/**
 * How an outbox message's `lastError` starts when it failed because its address bounced
 * (refused for good, refused too often for a while, or withheld as already bounced): the
 * outbox keeps no other mark, and a campaign's count of bounced copies reads this one.
 */
export const BOUNCED_ERROR_PREFIX = "Bounced: ";

/** Marks a subscriber's address bounced, unless it already is; returns the subscriber's id when it changed. */
export function markAddressBounced(executor: Executor, email: string, reason: string, at: Date) {
  return (
    executor
      .update(subscribers)
      .set({ bouncedAt: at, bounceReason: reason })
      .where(and(eq(subscribers.email, email), isNull(subscribers.bouncedAt)))
      .returning({ id: subscribers.id })
      .get()?.id ?? null
  );
}

/** Adds one temporary failure to an address not bounced yet; returns the subscriber and the count now, or null. */
export function countTemporaryFailure(executor: Executor, email: string) {
  return (
    executor
      .update(subscribers)
      .set({ temporaryFailures: sql`${subscribers.temporaryFailures} + 1` })
      .where(and(eq(subscribers.email, email), isNull(subscribers.bouncedAt)))
      .returning({ id: subscribers.id, temporaryFailures: subscribers.temporaryFailures })
      .get() ?? null
  );
}

/** A message reached the address: its count of failures in a row starts again. Writes only when there is one. */
export function resetTemporaryFailures(executor: Executor, email: string) {
  executor
    .update(subscribers)
    .set({ temporaryFailures: 0 })
    .where(and(eq(subscribers.email, email), gt(subscribers.temporaryFailures, 0)))
    .run();
}

/**
 * Fails this subscriber's campaign emails still waiting in the outbox, with the bounce
 * mark, rather than deleting them as an unsubscription does: they were not sent because
 * the address bounced, and the campaign's counts say so. Run it in the transaction that
 * marks the bounce (IMMEDIATE): the worker claims messages by a write, so none moves from
 * queued to sending in between. Returns how many.
 */
export function withdrawQueuedNewsletterEmails(executor: Executor, subscriberId: number, error: string) {
  const waiting = executor
    .select({ emailId: emailOutbox.id })
    .from(deliveries)
    .innerJoin(emailOutbox, eq(emailOutbox.id, deliveries.emailId))
    .where(and(eq(deliveries.subscriberId, subscriberId), eq(deliveries.status, "queued"), eq(emailOutbox.status, "queued")))
    .all();
  if (waiting.length === 0) return 0;
  return executor
    .update(emailOutbox)
    .set({ status: "failed", lockedUntil: null, lastError: error })
    .where(and(inArray(emailOutbox.id, waiting.map((row) => row.emailId)), eq(emailOutbox.status, "queued")))
    .run().changes;
}

/** Of these outbox messages, the campaign copies whose subscriber's address has bounced (never to be sent). */
export function findNewsletterEmailsToBouncedAddresses(executor: Executor, emailIds: number[]) {
  if (emailIds.length === 0) return [];
  return executor
    .select({ emailId: deliveries.emailId })
    .from(deliveries)
    .innerJoin(subscribers, eq(subscribers.id, deliveries.subscriberId))
    .where(and(inArray(deliveries.emailId, emailIds), isNotNull(subscribers.bouncedAt)))
    .all()
    .map((row) => row.emailId!);
}

/** Staff cleared a bounce: mail may go to the address again, with a fresh count. Returns whether it was bounced. */
export function clearAddressBounce(executor: Executor, subscriberId: number) {
  return (
    executor
      .update(subscribers)
      .set({ bouncedAt: null, bounceReason: null, temporaryFailures: 0 })
      .where(and(eq(subscribers.id, subscriberId), isNotNull(subscribers.bouncedAt)))
      .run().changes > 0
  );
}

export const BOUNCED_PAGE_SIZE = 100;

/** Staff: bounced addresses, most recent first (the newest page only: a long list is cleared from the top). */
export function listBouncedSubscribers(limit = BOUNCED_PAGE_SIZE) {
  return db
    .select({ id: subscribers.id, email: subscribers.email, status: subscribers.status, bouncedAt: subscribers.bouncedAt, bounceReason: subscribers.bounceReason })
    .from(subscribers)
    .where(isNotNull(subscribers.bouncedAt))
    .orderBy(desc(subscribers.bouncedAt), desc(subscribers.id))
    .limit(limit)
    .all();
}

export function countBouncedSubscribers() {
  return db.select({ n: sql<number>`count(*)` }).from(subscribers).where(isNotNull(subscribers.bouncedAt)).get()!.n;
}

/**
 * A campaign's copies that bounced: deliveries whose outbox message failed because the
 * address was refused (for good, or too often for a while) or had bounced before it left.
 * Counted from the outbox rows, so clearing a subscriber's bounce later does not change it.
 */
export function countBouncedForCampaign(campaignId: number, executor: Executor = db) {
  return executor
    .select({ n: sql<number>`count(*)` })
    .from(deliveries)
    .innerJoin(emailOutbox, eq(emailOutbox.id, deliveries.emailId))
    .where(and(eq(deliveries.campaignId, campaignId), eq(emailOutbox.status, "failed"), like(emailOutbox.lastError, `${BOUNCED_ERROR_PREFIX}%`)))
    .get()!.n;
}
