import "server-only";
import { and, eq, exists, inArray, lt, notExists, sql } from "drizzle-orm";
import { emailOutbox, newsletterDeliveries } from "../schema";
import { CLEARED_BODY, ERASED_BODY, ERASED_MARK, type EmailConcern } from "./email";
import type { Executor } from "./executor";
import { BOUNCED_ERROR_PREFIX } from "./newsletter-bounces";

/** The error goes (the server's words may hold the address), but a bounce keeps its mark: its campaign counts it. */
const bounceMarkOnly = sql`case when ${emailOutbox.lastError} like ${`${BOUNCED_ERROR_PREFIX}%`} then ${BOUNCED_ERROR_PREFIX} else null end`;

const ID_CHUNK = 500;
const chunks = <T>(values: T[]) => Array.from({ length: Math.ceil(values.length / ID_CHUNK) }, (_, index) => values.slice(index * ID_CHUNK, (index + 1) * ID_CHUNK));

/**
 * Deletes every message about the given records, whatever its state (one still queued
 * would carry the deleted data out). Run it in the transaction that deletes the records;
 * returns the deleted messages' Message-IDs, whose `.eml` files the caller removes once
 * that transaction commits.
 */
export function deleteEmailsConcerning(executor: Executor, type: EmailConcern["type"], ids: number[]) {
  const messageIds: string[] = [];
  for (const part of chunks(ids.map(String))) {
    const deleted = executor
      .delete(emailOutbox)
      .where(and(eq(emailOutbox.concernsType, type), inArray(emailOutbox.concernsId, part)))
      .returning({ messageId: emailOutbox.messageId })
      .all();
    messageIds.push(...deleted.map((row) => row.messageId));
  }
  return messageIds;
}

/** When a message left the queue for good: sent, or given up on (a failed one has no sentAt). */
const finishedAt = sql`coalesce(${emailOutbox.sentAt}, ${emailOutbox.createdAt})`;
const deliveryOf = (executor: Executor) =>
  executor.select({ one: sql`1` }).from(newsletterDeliveries).where(eq(newsletterDeliveries.emailId, emailOutbox.id));

/**
 * Sent and failed messages that finished before `cutoff` lose what they said. A newsletter
 * copy is kept as a row with its recipient, subject (the campaign's, public) and status,
 * body and headers blanked, because its campaign counts sent and failed copies by that
 * status; every other message is deleted, recipient and subject (which may carry a name)
 * with it. Queued and sending messages are never touched. Run it in an IMMEDIATE
 * transaction; returns the Message-IDs of both kinds, for removing their `.eml` files.
 */
export function clearEmailsFinishedBefore(executor: Executor, cutoff: Date) {
  const old = and(inArray(emailOutbox.status, ["sent", "failed"]), lt(finishedAt, cutoff.getTime()));
  const deleted = executor
    .delete(emailOutbox)
    .where(and(old, notExists(deliveryOf(executor))))
    .returning({ messageId: emailOutbox.messageId })
    .all();
  const blanked = executor
    .update(emailOutbox)
    .set({ text: CLEARED_BODY, html: CLEARED_BODY, headers: {}, lastError: bounceMarkOnly, redactAfter: null })
    .where(and(old, exists(deliveryOf(executor)), sql`${emailOutbox.text} <> ${CLEARED_BODY}`))
    .returning({ messageId: emailOutbox.messageId })
    .all();
  return { deleted: deleted.map((row) => row.messageId), blanked: blanked.map((row) => row.messageId) };
}

/**
 * Every message to `address` goes, whatever its state, but for a newsletter copy that left
 * (sent or failed): its campaign counts it by that status, so it stays as the status alone,
 * its recipient ERASED_MARK, its body ERASED_BODY, no headers (the subject is the
 * campaign's, public). Take the person's queued newsletter copies out first
 * (cancelQueuedNewsletterEmails), so that their deliveries stop counting as waiting. Run it
 * in an IMMEDIATE transaction; returns the Message-IDs of both kinds, for their `.eml` files.
 */
export function eraseEmailsTo(executor: Executor, address: string) {
  const to = eq(emailOutbox.to, address);
  const blanked = executor
    .update(emailOutbox)
    .set({ to: ERASED_MARK, text: ERASED_BODY, html: ERASED_BODY, headers: {}, lastError: bounceMarkOnly, redactAfter: null })
    .where(and(to, inArray(emailOutbox.status, ["sent", "failed"]), exists(deliveryOf(executor))))
    .returning({ messageId: emailOutbox.messageId })
    .all();
  const deleted = executor.delete(emailOutbox).where(to).returning({ messageId: emailOutbox.messageId }).all();
  return { deleted: deleted.map((row) => row.messageId), blanked: blanked.map((row) => row.messageId) };
}
