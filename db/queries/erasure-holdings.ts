import "server-only";
import { and, eq, isNotNull, isNull, like, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { emailStatuses, type EmailStatus } from "@/lib/model/email";
import type { SubscriberStatus } from "@/lib/model/newsletter";
import { ownerApplicationStatuses, type OwnerApplicationStatus } from "@/lib/model/owners";
import type { Role } from "@/lib/model/users";
import {
  auditLog,
  emailOutbox,
  jobApplications,
  newsletterSubscribers,
  ownerApplicationHousehold,
  ownerApplications,
  ownerHouseholdMembers,
  owners,
  rateLimitHits,
  users,
} from "../schema";
import type { Executor } from "./executor";

/**
 * What the portal holds for one address, as counts per kind, never contents: what an
 * admin sees before erasing it. `account.ownerNumber` is set when the account is the
 * primary owner of an ownership.
 */
export type PersonHoldings = {
  account: { role: Role; ownerNumber: number | null } | null;
  newsletter: SubscriberStatus | null;
  jobApplications: number;
  ownerApplications: Record<OwnerApplicationStatus, number>;
  /** Households this address joined, and invitations to one it has not (or not yet) accepted. */
  householdMemberships: number;
  householdInvitations: number;
  /** Other people's owner applications that list this address in their household. */
  householdListings: number;
  /** Outbox messages to this address, by state. */
  emails: Record<EmailStatus, number>;
  /** Rate-limit counters keyed by this address's hash. */
  limitCounters: number;
  /** Audit entries that name this address, as their actor or in their detail. */
  auditEntries: number;
};

const countOf = (executor: Executor, table: SQLiteTable, where: SQL | undefined) =>
  executor.select({ n: sql<number>`count(*)` }).from(table).where(where).get()!.n;

function countsBy<K extends string>(keys: readonly K[], rows: { key: K; n: number }[]) {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const row of rows) counts[row.key] = row.n;
  return counts;
}

/** Where the audit log names `email`: as the actor, or as a value in an entry's detail (a role change names its person). */
export function auditEntriesNaming(email: string) {
  return or(eq(auditLog.actorEmail, email), sql`instr(${auditLog.detail}, ${JSON.stringify(email)}) > 0`);
}

/**
 * Counts what the portal holds for `email` (lowercased, as every table stores it).
 * `limitKeySuffix` is the ending every per-address limit key of this address shares.
 */
export function findPersonHoldings(executor: Executor, email: string, limitKeySuffix: string): PersonHoldings {
  const account = executor
    .select({ role: users.role, ownerNumber: owners.ownerNumber })
    .from(users)
    .leftJoin(owners, eq(owners.userId, users.id))
    .where(eq(users.email, email))
    .get();
  const subscriber = executor.select({ status: newsletterSubscribers.status }).from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)).get();
  const applications = executor
    .select({ key: ownerApplications.status, n: sql<number>`count(*)` })
    .from(ownerApplications)
    .where(eq(ownerApplications.email, email))
    .groupBy(ownerApplications.status)
    .all();
  const emails = executor
    .select({ key: emailOutbox.status, n: sql<number>`count(*)` })
    .from(emailOutbox)
    .where(eq(emailOutbox.to, email))
    .groupBy(emailOutbox.status)
    .all();
  const member = eq(ownerHouseholdMembers.email, email);
  return {
    account: account ? { role: account.role, ownerNumber: account.ownerNumber ?? null } : null,
    newsletter: subscriber?.status ?? null,
    jobApplications: countOf(executor, jobApplications, eq(jobApplications.email, email)),
    ownerApplications: countsBy(ownerApplicationStatuses, applications),
    householdMemberships: countOf(executor, ownerHouseholdMembers, and(member, isNotNull(ownerHouseholdMembers.joinedAt))),
    householdInvitations: countOf(executor, ownerHouseholdMembers, and(member, isNull(ownerHouseholdMembers.joinedAt))),
    householdListings: countOf(executor, ownerApplicationHousehold, eq(ownerApplicationHousehold.email, email)),
    emails: countsBy(emailStatuses, emails),
    limitCounters: countOf(executor, rateLimitHits, like(rateLimitHits.key, `%${limitKeySuffix}`)),
    auditEntries: countOf(executor, auditLog, auditEntriesNaming(email)),
  };
}
