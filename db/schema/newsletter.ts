import { type InferSelectModel, sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { type CampaignSegment, campaignStatuses, consentSources, deliveryStatuses, listAudiences, listMemberStatuses, subscriberStatuses } from "@/lib/model/newsletter";
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
    /**
     * When a mail server refused this address for good (or it failed for a while): nothing
     * more is sent to it until staff clear it. Kept apart from `status` so that the
     * subscriber's own choice stays as they made it.
     */
    bouncedAt: integer({ mode: "timestamp_ms" }),
    /** The mail server's words for the refusal, as it gave them. */
    bounceReason: text(),
    /** Temporary delivery failures in a row since the last success. */
    temporaryFailures: integer().notNull().default(0),
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
    /** A draft staff scheduled: the sender starts it at this time. Cleared to cancel. */
    sendAt: integer({ mode: "timestamp_ms" }),
    /** Who of its lists it reaches (null: everyone on them), computed when sending starts. */
    segment: text({ mode: "json" }).$type<CampaignSegment>(),
    /** How many it went to, frozen when sending started. */
    recipientCount: integer(),
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

/** A list readers choose to get: the weekly flyer, classes, owner news, The Rutabaga Rap. */
export const newsletterLists = sqliteTable(
  "newsletter_lists",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    slug: text().notNull().unique(),
    name: text().notNull(),
    description: text().notNull().default(""),
    audience: text({ enum: listAudiences }).notNull().default("everyone"),
    /** Offered ticked on the signup forms (the form on every page joins these). */
    joinByDefault: integer({ mode: "boolean" }).notNull().default(false),
    /** Order on the forms. */
    position: integer().notNull().default(0),
    /** A list no longer offered: nobody can join it and no campaign can choose it; its members' consents stay on record. */
    archivedAt: integer({ mode: "timestamp_ms" }),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    updatedAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (table) => [check("newsletter_lists_audience_check", sql`${table.audience} in (${inList(listAudiences)})`)],
);

export type NewsletterList = InferSelectModel<typeof newsletterLists>;

/**
 * A subscriber on one list, with the proof of consent for that list: when, from which
 * client address and how (form, account, import). Erasing the subscriber removes these.
 */
export const newsletterListMembers = sqliteTable(
  "newsletter_list_members",
  {
    listId: integer()
      .notNull()
      .references(() => newsletterLists.id),
    subscriberId: integer()
      .notNull()
      .references(() => newsletterSubscribers.id, { onDelete: "cascade" }),
    status: text({ enum: listMemberStatuses }).notNull().default("pending"),
    /** When the list was chosen (at signup, on the account page, in an import). */
    chosenAt: integer({ mode: "timestamp_ms" }).notNull(),
    /** When consent to this list was given (the address's confirmation, or the signed-in choice). */
    consentAt: integer({ mode: "timestamp_ms" }),
    consentIp: text(),
    consentSource: text({ enum: consentSources }).notNull(),
    leftAt: integer({ mode: "timestamp_ms" }),
  },
  (table) => [
    primaryKey({ columns: [table.listId, table.subscriberId] }),
    index("newsletter_list_members_subscriber_idx").on(table.subscriberId),
    check("newsletter_list_members_status_check", sql`${table.status} in (${inList(listMemberStatuses)})`),
    check("newsletter_list_members_source_check", sql`${table.consentSource} in (${inList(consentSources)})`),
    // Nobody is on a list without a recorded consent.
    check("newsletter_list_members_consent_check", sql`${table.status} <> 'subscribed' or ${table.consentAt} is not null`),
  ],
);

export type NewsletterListMember = InferSelectModel<typeof newsletterListMembers>;

/** The lists a campaign goes to. */
export const newsletterCampaignLists = sqliteTable(
  "newsletter_campaign_lists",
  {
    campaignId: integer()
      .notNull()
      .references(() => newsletterCampaigns.id, { onDelete: "cascade" }),
    listId: integer()
      .notNull()
      .references(() => newsletterLists.id),
  },
  (table) => [primaryKey({ columns: [table.campaignId, table.listId] }), index("newsletter_campaign_lists_list_idx").on(table.listId)],
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
