import "server-only";
import { and, eq, inArray, like, ne, sql } from "drizzle-orm";
import {
  auditLog,
  jobApplications,
  newsletterSubscribers,
  ownerApplicationHousehold,
  ownerApplications,
  ownerHouseholdMembers,
  rateLimitHits,
  sessions,
  uploads,
  users,
  verificationTokens,
} from "../schema";
import { ERASED_MARK } from "./email";
import { auditEntriesNaming } from "./erasure-holdings";
import type { Executor } from "./executor";
import { cancelQueuedNewsletterEmails } from "./newsletter-subscribers";

// The deletions of one person's erasure, each by the address (lowercased, as stored). The
// caller runs them in one IMMEDIATE transaction, after refusing a primary owner or a staff
// account, and deletes the mail about the records they answer (deleteEmailsConcerning).

/**
 * Deletes the newsletter subscriber with this address, their newsletter copies still
 * queued first; their deliveries stay, naming nobody, for the campaigns' counts. Answers
 * the subscriber's id (null when none) and how many queued copies went.
 */
export function deleteSubscriberByEmail(executor: Executor, email: string) {
  const subscriber = executor.select({ id: newsletterSubscribers.id }).from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)).get();
  if (!subscriber) return { id: null, cancelledEmails: 0 };
  const cancelledEmails = cancelQueuedNewsletterEmails(executor, subscriber.id);
  executor.delete(newsletterSubscribers).where(eq(newsletterSubscribers.id, subscriber.id)).run();
  return { id: subscriber.id, cancelledEmails };
}

/** Deletes the job applications made with this address and their résumé files' rows; answers both ids (the files go after the commit). */
export function deleteJobApplicationsByEmail(executor: Executor, email: string) {
  const rows = executor.delete(jobApplications).where(eq(jobApplications.email, email)).returning({ id: jobApplications.id, uploadId: jobApplications.resumeUploadId }).all();
  const uploadIds = rows.flatMap((row) => (row.uploadId ? [row.uploadId] : []));
  if (uploadIds.length > 0) executor.delete(uploads).where(inArray(uploads.id, uploadIds)).run();
  return { ids: rows.map((row) => row.id), uploadIds };
}

/**
 * Deletes the owner applications made with this address that were not approved (waiting
 * or declined), their household rows with them (ON DELETE CASCADE). An approved one is the
 * start of an ownership, which refers to it: it stays. Answers their ids.
 */
export function deleteUnapprovedOwnerApplicationsByEmail(executor: Executor, email: string) {
  return executor
    .delete(ownerApplications)
    .where(and(eq(ownerApplications.email, email), ne(ownerApplications.status, "approved")))
    .returning({ id: ownerApplications.id })
    .all()
    .map((row) => row.id);
}

/** Other people's applications keep the name they gave for this person, not the address; answers how many rows lost it. */
export function clearHouseholdListingsOf(executor: Executor, email: string) {
  return executor.update(ownerApplicationHousehold).set({ email: null }).where(eq(ownerApplicationHousehold.email, email)).run().changes;
}

/** Removes this address from every ownership's household, joined or invited; answers the rows' ids (for their invitation mail). */
export function deleteHouseholdMembersByEmail(executor: Executor, email: string) {
  return executor
    .delete(ownerHouseholdMembers)
    .where(eq(ownerHouseholdMembers.email, email))
    .returning({ id: ownerHouseholdMembers.id })
    .all()
    .map((row) => row.id);
}

/** Deletes the rate-limit counters whose key ends with `suffix` (every scope that counts this address); answers how many. */
export function deleteRateLimitHitsEndingWith(executor: Executor, suffix: string) {
  return executor.delete(rateLimitHits).where(like(rateLimitHits.key, `%${suffix}`)).run().changes;
}

/**
 * Deletes the account with this address (its sessions and provider links go with it, ON
 * DELETE CASCADE) and its unused sign-in links. The caller has refused staff accounts and
 * primary owners: an ownership refers to its primary owner's account.
 */
export function deleteAccountByEmail(executor: Executor, email: string) {
  const signInLinks = executor.delete(verificationTokens).where(eq(verificationTokens.identifier, email)).run().changes;
  const user = executor.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (!user) return { accounts: 0, sessions: 0, signInLinks };
  const ended = executor.select({ n: sql<number>`count(*)` }).from(sessions).where(eq(sessions.userId, user.id)).get()!.n;
  executor.delete(users).where(eq(users.id, user.id)).run();
  return { accounts: 1, sessions: ended, signInLinks };
}

/** `value` with every string equal to `email` replaced by ERASED_MARK, however deep. */
function withoutAddress(value: unknown, email: string): unknown {
  if (value === email) return ERASED_MARK;
  if (Array.isArray(value)) return value.map((item) => withoutAddress(item, email));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutAddress(item, email)]));
  return value;
}

/**
 * The audit log keeps what happened but not who it happened to: wherever an entry names
 * this address (its actor, a value in its detail) the address becomes ERASED_MARK. The
 * one change ever made to audit rows. Answers how many entries changed.
 */
export function markAuditEntriesErased(executor: Executor, email: string) {
  const entries = executor.select({ id: auditLog.id, actorEmail: auditLog.actorEmail, detail: auditLog.detail }).from(auditLog).where(auditEntriesNaming(email)).all();
  for (const entry of entries) {
    executor
      .update(auditLog)
      .set({
        actorEmail: entry.actorEmail === email ? ERASED_MARK : entry.actorEmail,
        detail: entry.detail ? (withoutAddress(entry.detail, email) as Record<string, unknown>) : entry.detail,
      })
      .where(eq(auditLog.id, entry.id))
      .run();
  }
  return entries.length;
}
