import { type InferSelectModel, sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { equityPaymentMethods, type EquityPlan } from "@/lib/model/equity";
import { ownerApplicationStatuses, ownerStatuses } from "@/lib/model/owners";
import { users } from "./users";

/** An application to become an owner, as submitted online; staff approve or decline it. */
export const ownerApplications = sqliteTable(
  "owner_applications",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Lowercased; the applicant signs in with it to follow the application. */
    email: text().notNull(),
    name: text().notNull(),
    phone: text().notNull(),
    streetAddress: text().notNull(),
    locality: text().notNull(),
    region: text().notNull(),
    postalCode: text().notNull(),
    /** An equity plan id from the settings at the time of applying. */
    planId: text().notNull(),
    /**
     * The plan's terms as the applicant saw and signed them: admins may change the plans
     * later, and that must not change what this person agreed to. Null only in rows
     * written before the column existed.
     */
    equityPlan: text({ mode: "json" }).$type<EquityPlan>(),
    /** Assistance programs the applicant declared for the FLOWER discount (verified at the store). */
    flowerPrograms: text({ mode: "json" }).$type<string[]>().notNull().default([]),
    signature: text().notNull(),
    /** The day the applicant signed, YYYY-MM-DD. */
    signedOn: text().notNull(),
    note: text(),
    status: text({ enum: ownerApplicationStatuses }).notNull().default("submitted"),
    declineReason: text(),
    decidedBy: text().references(() => users.id, { onDelete: "set null" }),
    decidedAt: integer({ mode: "timestamp_ms" }),
    submittedAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (table) => [
    // One application waiting per address: a second one is refused, not queued.
    uniqueIndex("owner_applications_one_pending_idx").on(table.email).where(sql`${table.status} = 'submitted'`),
    index("owner_applications_queue_idx").on(table.status, table.submittedAt),
    check("owner_applications_status_check", sql`${table.status} in ('submitted', 'approved', 'declined')`),
    check("owner_applications_declined_reason_check", sql`${table.status} <> 'declined' or ${table.declineReason} is not null`),
  ],
);

export type OwnerApplication = InferSelectModel<typeof ownerApplications>;

/** The other members of an applicant's household, in the order given. */
export const ownerApplicationHousehold = sqliteTable(
  "owner_application_household",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    applicationId: integer()
      .notNull()
      .references(() => ownerApplications.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    name: text().notNull(),
    email: text(),
  },
  (table) => [uniqueIndex("owner_application_household_position_idx").on(table.applicationId, table.position)],
);

/**
 * The next owner number to hand out: one row, advanced in the same statement that takes a
 * number, so concurrent approvals never share one and never skip one.
 */
export const ownerNumberSequence = sqliteTable(
  "owner_number_sequence",
  {
    id: integer().primaryKey(),
    next: integer().notNull(),
  },
  (table) => [check("owner_number_sequence_single_row_check", sql`${table.id} = 1`)],
);

/** An ownership: a household's share in the co-op, with the primary owner's account. */
export const owners = sqliteTable(
  "owners",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    ownerNumber: integer().notNull().unique(),
    userId: text()
      .notNull()
      .references(() => users.id),
    applicationId: integer()
      .unique()
      .references(() => ownerApplications.id),
    name: text().notNull(),
    planId: text().notNull(),
    /** The plan's terms this ownership pays by (copied from the application); null only in rows written before the column existed. */
    equityPlan: text({ mode: "json" }).$type<EquityPlan>(),
    /** The day the equity schedule starts, YYYY-MM-DD. */
    joinedOn: text().notNull(),
    /** FLOWER discount verified at the store, valid through this day (YYYY-MM-DD). */
    flowerVerifiedUntil: text(),
    // Contact details: the application's at approval, then the primary owner keeps them up
    // to date on /account (the point-of-sale export reads them from here).
    phone: text(),
    streetAddress: text(),
    locality: text(),
    region: text(),
    postalCode: text(),
    status: text({ enum: ownerStatuses }).notNull().default("active"),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (table) => [
    // One person, one household (the queries keep to it; these indexes make it a fact).
    uniqueIndex("owners_one_per_user_idx").on(table.userId),
    check("owners_status_check", sql`${table.status} in ('active', 'inactive')`),
  ],
);

export type Owner = InferSelectModel<typeof owners>;

/**
 * Household members of an ownership. A member with an email is first an invitation: the
 * address gets a link, and only once its owner accepts while signed in (`joinedAt`) do
 * they see the ownership. A member without an email is a name on the household, with no
 * sign-in.
 */
export const ownerHouseholdMembers = sqliteTable(
  "owner_household_members",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    ownerId: integer()
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    name: text().notNull(),
    email: text(),
    /** Set when the invitee accepts, never before: nobody joins a household without saying yes. */
    userId: text().references(() => users.id, { onDelete: "set null" }),
    /** SHA-256 of the emailed invitation token, while the invitation is open. */
    inviteTokenHash: text(),
    invitedAt: integer({ mode: "timestamp_ms" }),
    inviteExpiresAt: integer({ mode: "timestamp_ms" }),
    joinedAt: integer({ mode: "timestamp_ms" }),
  },
  (table) => [
    // One person, one household, counted among those who said yes: an open invitation
    // neither blocks nor reveals another household's (a second one is refused on accepting).
    uniqueIndex("owner_household_members_one_household_idx").on(table.email).where(sql`${table.joinedAt} is not null`),
    uniqueIndex("owner_household_members_owner_email_idx").on(table.ownerId, table.email),
    uniqueIndex("owner_household_members_invite_token_idx").on(table.inviteTokenHash),
    index("owner_household_members_email_idx").on(table.email),
    index("owner_household_members_user_idx").on(table.userId),
  ],
);

export type OwnerHouseholdMember = InferSelectModel<typeof ownerHouseholdMembers>;

/** Equity paid toward an ownership, in integer cents. Money records are never cascaded away. */
export const equityPayments = sqliteTable(
  "equity_payments",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    ownerId: integer()
      .notNull()
      .references(() => owners.id),
    amountCents: integer().notNull(),
    /** YYYY-MM-DD */
    paidOn: text().notNull(),
    method: text({ enum: equityPaymentMethods }).notNull(),
    recordedBy: text().references(() => users.id, { onDelete: "set null" }),
    recordedAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (table) => [
    index("equity_payments_owner_idx").on(table.ownerId, table.paidOn),
    check("equity_payments_amount_check", sql`${table.amountCents} > 0`),
    check("equity_payments_method_check", sql`${table.method} in ('cash', 'card', 'check', 'other')`),
  ],
);

export type EquityPayment = InferSelectModel<typeof equityPayments>;
