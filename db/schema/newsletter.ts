import { type InferSelectModel, sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { campaignStatuses, deliveryStatuses, subscriberStatuses } from "@/lib/model/newsletter";
import { emailOutbox } from "./email";
import { uploads } from "./uploads";
import { inList } from "./sql-lists";
import { users } from "./users";

/**
 * A newsletter subscriber, with the proof of their consent (double opt-in): when and from
 * which address they confirmed. Tokens are stored as SHA-256 hashes only.
 */
export const newsletterSubscribers = sqliteTable(
  "newsletter_subscribers",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Lowercased. */
    email: text().notNull().unique(),
    firstName: text(),
    status: text({ enum: subscriberStatuses }).notNull().default("pending"),
    confirmTokenHash: text(),
    confirmTokenExpiresAt: integer({ mode: "timestamp_ms" }),
    /** For the unsubscribe link of the confirmation email and of /account; campaign emails carry their own. */
    unsubscribeTokenHash: text(),
    signedUpAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    confirmedAt: integer({ mode: "timestamp_ms" }),
    /** The client address the confirmation came from (consent proof). */
    confirmIp: text(),
    unsubscribedAt: integer({ mode: "timestamp_ms" }),
  },
  (table) => [
    index("newsletter_subscribers_status_idx").on(table.status),
    uniqueIndex("newsletter_subscribers_confirm_token_idx").on(table.confirmTokenHash),
    uniqueIndex("newsletter_subscribers_unsubscribe_token_idx").on(table.unsubscribeTokenHash),
    check("newsletter_subscribers_status_check", sql`${table.status} in (${inList(subscriberStatuses)})`),
  ],
);

export type NewsletterSubscriber = InferSelectModel<typeof newsletterSubscribers>;

/** An email newsletter staff write; once sent it is archived publicly (without any personal link). */
export const newsletterCampaigns = sqliteTable(
  "newsletter_campaigns",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Its archive address under /newsletter/emails/, set when sending starts. */
    slug: text().unique(),
    subject: text().notNull(),
    markdown: text().notNull(),
    status: text({ enum: campaignStatuses }).notNull().default("draft"),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    updatedAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    sendStartedAt: integer({ mode: "timestamp_ms" }),
    sentAt: integer({ mode: "timestamp_ms" }),
  },
  (table) => [check("newsletter_campaigns_status_check", sql`${table.status} in (${inList(campaignStatuses)})`)],
);

export type NewsletterCampaign = InferSelectModel<typeof newsletterCampaigns>;

/**
 * One campaign email to one subscriber: at most one row per pair (the unique index is
 * what makes a send after a restart skip those already queued). Its outbox message keeps
 * one Message-ID, so a copy resent after a crash folds into the first in mail clients.
 */
export const newsletterDeliveries = sqliteTable(
  "newsletter_deliveries",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    campaignId: integer()
      .notNull()
      .references(() => newsletterCampaigns.id, { onDelete: "cascade" }),
    /**
     * Null once the subscriber was erased at their request: the delivery stays, without
     * anyone's address, so that its campaign still counts the copy that went out.
     */
    subscriberId: integer().references(() => newsletterSubscribers.id, { onDelete: "set null" }),
    emailId: integer().references(() => emailOutbox.id, { onDelete: "set null" }),
    /** This email's own one-click unsubscribe token, hashed. */
    unsubscribeTokenHash: text().notNull().unique(),
    status: text({ enum: deliveryStatuses }).notNull().default("queued"),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (table) => [
    uniqueIndex("newsletter_deliveries_pair_idx").on(table.campaignId, table.subscriberId),
    index("newsletter_deliveries_subscriber_idx").on(table.subscriberId),
    check("newsletter_deliveries_status_check", sql`${table.status} in (${inList(deliveryStatuses)})`),
  ],
);

/** An issue of the printed newsletter, The Rutabaga Rap, as a PDF staff upload. */
export const newsletterIssues = sqliteTable(
  "newsletter_issues",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    slug: text().notNull().unique(),
    title: text().notNull(),
    /** The issue's date, YYYY-MM-DD. */
    issuedOn: text().notNull(),
    summary: text().notNull().default(""),
    uploadId: text()
      .notNull()
      .references(() => uploads.id),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (table) => [index("newsletter_issues_date_idx").on(table.issuedOn)],
);

export type NewsletterIssue = InferSelectModel<typeof newsletterIssues>;
