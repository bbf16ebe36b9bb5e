import "server-only";
import { and, desc, eq, inArray, lte, notInArray, or, sql } from "drizzle-orm";
import { db } from "../index";
import type { EmailStatus } from "@/lib/model/email";
import { emailOutbox, type OutboxEmail } from "../schema";
import type { Executor } from "./executor";

/** The kinds of record a message can be about; deleting such a record deletes its mail (see email-retention.ts). */
export const emailConcernTypes = ["job_application", "newsletter_subscriber", "owner_application", "owner_household_member"] as const;
export type EmailConcern = { type: (typeof emailConcernTypes)[number]; id: number };

export type QueuedEmail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** The body holds a secret until then (see emailOutbox.redactAfter). */
  redactAfter?: Date;
  /** A Message-ID chosen by the caller (`<…@domain>`), for a message that must keep one identity (newsletter deliveries); random otherwise. */
  messageId?: string;
  /** The record whose personal data this message carries, so that it goes when that record does. */
  concerns?: EmailConcern;
  /** Not sent before then (a large batch paced out, so that the mail queued after it is not held up behind it); now when unset. */
  notBefore?: Date;
};

function outboxRow(email: QueuedEmail, messageDomain: string) {
  const { concerns, notBefore, ...message } = email;
  return {
    ...message,
    headers: email.headers ?? {},
    messageId: email.messageId ?? `<${crypto.randomUUID()}@${messageDomain}>`,
    nextTryAt: notBefore ?? new Date(),
    concernsType: concerns?.type ?? null,
    concernsId: concerns ? String(concerns.id) : null,
  };
}

/** Queues a message; run it inside the transaction of the change that causes the email. */
export function insertQueuedEmail(executor: Executor, email: QueuedEmail, messageDomain: string) {
  return executor.insert(emailOutbox).values(outboxRow(email, messageDomain)).returning({ id: emailOutbox.id }).get().id;
}

/** Rows one statement inserts: well under SQLite's 32,766 parameters at a dozen columns a row. */
const ROWS_PER_INSERT = 500;

/** Queues many messages (an import's confirmations) a few hundred rows a statement, inside the caller's transaction. */
export function insertQueuedEmails(executor: Executor, emails: QueuedEmail[], messageDomain: string) {
  for (let at = 0; at < emails.length; at += ROWS_PER_INSERT) {
    executor
      .insert(emailOutbox)
      .values(emails.slice(at, at + ROWS_PER_INSERT).map((email) => outboxRow(email, messageDomain)))
      .run();
  }
}

/**
 * Takes up to `limit` due messages for sending, in one statement so that two workers
 * never take the same one. A message left "sending" by a worker that died is due again
 * once its lease has run out.
 */
export function claimDueEmails(now: Date, limit: number, leaseMs: number): OutboxEmail[] {
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      or(
        and(eq(emailOutbox.status, "queued"), lte(emailOutbox.nextTryAt, now)),
        and(eq(emailOutbox.status, "sending"), lte(emailOutbox.lockedUntil, now)),
      ),
    )
    // Messages with an expiring secret (sign-in links live 10 minutes) go before the rest,
    // so a burst of notices or a newsletter never makes a sign-in link arrive dead.
    .orderBy(sql`${emailOutbox.redactAfter} is null`, emailOutbox.id)
    .limit(limit);
  return db
    .update(emailOutbox)
    .set({
      status: "sending",
      lockedUntil: new Date(now.getTime() + leaseMs),
      attempts: sql`${emailOutbox.attempts} + 1`,
    })
    .where(inArray(emailOutbox.id, due))
    .returning()
    .all();
}

export const REDACTED_BODY = "[This message held a personal link (sign-in, confirmation or unsubscribe), removed once it was no longer needed.]";

/** Blanks the bodies and extra headers (List-Unsubscribe) of sent or failed messages whose secret is past keeping; returns how many. */
export function redactExpiredEmailBodies(now: Date) {
  return db
    .update(emailOutbox)
    .set({ text: REDACTED_BODY, html: REDACTED_BODY, headers: {}, redactAfter: null })
    .where(and(lte(emailOutbox.redactAfter, now), inArray(emailOutbox.status, ["sent", "failed"])))
    .run().changes;
}

export function markEmailSent(id: number) {
  db.update(emailOutbox)
    .set({ status: "sent", sentAt: new Date(), lockedUntil: null, lastError: null })
    .where(eq(emailOutbox.id, id))
    .run();
}

export function markEmailForRetry(id: number, error: string, nextTryAt: Date) {
  db.update(emailOutbox)
    .set({ status: "queued", nextTryAt, lockedUntil: null, lastError: error })
    .where(eq(emailOutbox.id, id))
    .run();
}

export function markEmailFailed(id: number, error: string) {
  db.update(emailOutbox)
    .set({ status: "failed", lockedUntil: null, lastError: error })
    .where(eq(emailOutbox.id, id))
    .run();
}

/** The body of a sent message kept past OUTBOX_KEEP_DAYS only for its status (a newsletter copy, which its campaign's counts read). */
export const CLEARED_BODY = "[The content of this message was removed once the outbox had kept it for as long as the co-op keeps sent mail.]";

/** What stands for an erased person's address where a row must stay: a newsletter copy's recipient, an audit entry's actor. */
export const ERASED_MARK = "(erased)";

/** The body of a newsletter copy whose recipient was erased at their request: kept only for its status (see eraseEmailsTo). */
export const ERASED_BODY = "[The content and recipient of this message were removed when the person it was sent to asked for their data to be deleted.]";

/** Puts a failed message back in the queue with a fresh set of attempts; never one whose body was blanked (it would send the placeholder). */
export function requeueFailedEmail(executor: Executor, id: number) {
  return (
    executor
      .update(emailOutbox)
      .set({ status: "queued", attempts: 0, nextTryAt: new Date(), lastError: null })
      .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "failed"), notInArray(emailOutbox.text, [REDACTED_BODY, CLEARED_BODY, ERASED_BODY])))
      .run().changes > 0
  );
}

export function listOutbox(status: EmailStatus | undefined, limit = 100) {
  return db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.to,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      nextTryAt: emailOutbox.nextTryAt,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(status ? eq(emailOutbox.status, status) : undefined)
    .orderBy(desc(emailOutbox.id))
    .limit(limit)
    .all();
}

export function countOutboxByStatus() {
  const rows = db
    .select({ status: emailOutbox.status, n: sql<number>`count(*)` })
    .from(emailOutbox)
    .groupBy(emailOutbox.status)
    .all();
  return Object.fromEntries(rows.map((row) => [row.status, row.n])) as Partial<Record<EmailStatus, number>>;
}

export function getOutboxEmail(id: number) {
  return db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).get() ?? null;
}
