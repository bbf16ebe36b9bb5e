import { type InferSelectModel, sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { emailStatuses } from "@/lib/model/email";

/**
 * The persistent email queue. A message is inserted in the same transaction as the
 * change that causes it and sent after commit by the worker, so an SMTP outage delays
 * mail and never drops it.
 */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Stable across retries, so a receiver can recognise a repeat. */
    messageId: text().notNull().unique(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    /** Extra headers (List-Unsubscribe and the like). */
    headers: text({ mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    status: text({ enum: emailStatuses }).notNull().default("queued"),
    attempts: integer().notNull().default(0),
    nextTryAt: integer({ mode: "timestamp_ms" }).notNull(),
    /** While "sending": when another worker may take the message over (a crashed send). */
    lockedUntil: integer({ mode: "timestamp_ms" }),
    lastError: text(),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    sentAt: integer({ mode: "timestamp_ms" }),
    /**
     * For a message that carries a secret (a sign-in link): once it is sent or has failed
     * and this time has passed, its body is blanked, so that the table never keeps a
     * usable token longer than the token lives.
     */
    redactAfter: integer({ mode: "timestamp_ms" }),
    /**
     * The record this message is about (`job_application` and its id, …), so that deleting
     * that record's personal data takes its mail with it, row and `.eml` file.
     */
    concernsType: text(),
    concernsId: text(),
  },
  (table) => [
    index("email_outbox_due_idx").on(table.status, table.nextTryAt),
    index("email_outbox_redact_idx").on(table.redactAfter),
    index("email_outbox_concerns_idx").on(table.concernsType, table.concernsId),
    check("email_outbox_status_check", sql`${table.status} in ('queued', 'sending', 'sent', 'failed')`),
  ],
);

export type OutboxEmail = InferSelectModel<typeof emailOutbox>;
