import "server-only";
import type { DB } from "@/db/client";
import { recordAudit, type AuditActor } from "@/db/queries/audit";
import { deleteEmailsConcerning, eraseEmailsTo } from "@/db/queries/email-retention";
import {
  clearHouseholdListingsOf,
  deleteAccountByEmail,
  deleteHouseholdMembersByEmail,
  deleteJobApplicationsByEmail,
  deleteRateLimitHitsEndingWith,
  deleteSubscriberByEmail,
  deleteUnapprovedOwnerApplicationsByEmail,
  markAuditEntriesErased,
} from "@/db/queries/erasure";
import { findPersonHoldings, type PersonHoldings } from "@/db/queries/erasure-holdings";
import type { Executor } from "@/db/queries/executor";
import { removeOutboxFiles } from "@/lib/email/outbox-files";
import { AppError } from "@/lib/model/errors";
import { removeStoredUploads } from "@/lib/uploads/storage";
import { rateLimitKey } from "@/lib/rate-limits";

export type { PersonHoldings };

/** Why an address cannot be erased as it stands; the admin settles that first. */
export type ErasureRefusal = { reason: "primary_owner"; ownerNumber: number } | { reason: "staff_account"; role: "staff" | "admin" };

export function refusalOf(holdings: PersonHoldings): ErasureRefusal | null {
  const account = holdings.account;
  if (account?.ownerNumber != null) return { reason: "primary_owner", ownerNumber: account.ownerNumber };
  if (account && account.role !== "member") return { reason: "staff_account", role: account.role };
  return null;
}

export function refusalMessage(refusal: ErasureRefusal) {
  if (refusal.reason === "primary_owner") {
    return `This address is the primary owner of ownership no. ${refusal.ownerNumber}. The ownership holds equity payments, money the co-op must account for, so the portal keeps it and this address: end the ownership or transfer it to another person at the store first. Nothing was deleted.`;
  }
  return `This address has a ${refusal.role} account. Change its role to member on the People page first, then erase it. Nothing was deleted.`;
}

/**
 * Every per-address limit keys its counter as `<scope>:<hash of the address>` (see
 * rateLimitKey); the empty scope gives that common ending, so every scope that counts this
 * address is found, including one added later.
 */
const limitKeySuffixOf = (email: string) => rateLimitKey("", email);

/** What the portal holds for `email` (lowercased), and why it cannot be erased, if it cannot. */
export function lookUpPerson(executor: Executor, email: string) {
  const holdings = findPersonHoldings(executor, email, limitKeySuffixOf(email));
  return { holdings, refusal: refusalOf(holdings) };
}

/**
 * Erases what the portal holds for `email` (lowercased), as a person who wrote to the
 * co-op asked: in one IMMEDIATE transaction their newsletter subscription, job
 * applications with their résumés' rows, owner applications not approved, household
 * memberships and invitations, every message to the address and about those records,
 * their limit counters and their account go; other people's applications keep the name
 * they gave but not the address; the audit log's entries that named the address name
 * "(erased)", and one `person.erase` entry records the counts, never the address. Then
 * the résumé and `.eml` files. `conflict` (nothing deleted) for a primary owner or a
 * staff account. Returns the counts.
 */
export function erasePerson(database: DB, actor: AuditActor, email: string) {
  const { report, uploadIds, messageIds } = database.transaction(
    (tx) => {
      const { refusal } = lookUpPerson(tx, email);
      if (refusal) throw new AppError("conflict", refusalMessage(refusal));
      const subscriber = deleteSubscriberByEmail(tx, email);
      const jobs = deleteJobApplicationsByEmail(tx, email);
      const ownerApplicationIds = deleteUnapprovedOwnerApplicationsByEmail(tx, email);
      const householdListingsCleared = clearHouseholdListingsOf(tx, email);
      const householdMemberIds = deleteHouseholdMembersByEmail(tx, email);
      const concerning = [
        ...deleteEmailsConcerning(tx, "newsletter_subscriber", subscriber.id === null ? [] : [subscriber.id]),
        ...deleteEmailsConcerning(tx, "job_application", jobs.ids),
        ...deleteEmailsConcerning(tx, "owner_application", ownerApplicationIds),
        ...deleteEmailsConcerning(tx, "owner_household_member", householdMemberIds),
      ];
      const toAddress = eraseEmailsTo(tx, email);
      const limitCounters = deleteRateLimitHitsEndingWith(tx, limitKeySuffixOf(email));
      const account = deleteAccountByEmail(tx, email);
      const auditEntriesMarked = markAuditEntriesErased(tx, email);
      const report = {
        newsletterSubscribers: subscriber.id === null ? 0 : 1,
        newsletterCopiesKept: toAddress.blanked.length,
        jobApplications: jobs.ids.length,
        resumeFiles: jobs.uploadIds.length,
        ownerApplications: ownerApplicationIds.length,
        householdMembers: householdMemberIds.length,
        householdListingsCleared,
        emailsDeleted: subscriber.cancelledEmails + concerning.length + toAddress.deleted.length,
        limitCounters,
        ...account,
        auditEntriesMarked,
      };
      recordAudit(tx, actor, { action: "person.erase", subjectType: "person", subjectId: "erasure", detail: report });
      return { report, uploadIds: jobs.uploadIds, messageIds: [...concerning, ...toAddress.deleted, ...toAddress.blanked] };
    },
    { behavior: "immediate" },
  );
  removeStoredUploads(uploadIds);
  removeOutboxFiles(messageIds);
  return report;
}

export type ErasureReport = ReturnType<typeof erasePerson>;
