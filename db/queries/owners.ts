import "server-only";
import { and, asc, eq, or, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { equityPayments, ownerApplications, ownerHouseholdMembers, ownerNumberSequence, owners, users, type EquityPaymentMethod } from "../schema";
import type { Executor } from "./executor";
import { getOwnerApplication } from "./owner-applications";

/** The ownership an address belongs to, as primary owner or household member, or null. */
export function findOwnershipByEmail(executor: Executor, email: string) {
  const primary = executor
    .select({ ownerId: owners.id })
    .from(owners)
    .innerJoin(users, eq(users.id, owners.userId))
    .where(eq(users.email, email))
    .get();
  if (primary) return primary;
  return executor.select({ ownerId: ownerHouseholdMembers.ownerId }).from(ownerHouseholdMembers).where(eq(ownerHouseholdMembers.email, email)).get() ?? null;
}

/** Takes the next owner number: one statement reads and advances the sequence, so no two callers get the same one. */
function takeOwnerNumber(executor: Executor) {
  const row = executor
    .update(ownerNumberSequence)
    .set({ next: sql`${ownerNumberSequence.next} + 1` })
    .where(eq(ownerNumberSequence.id, 1))
    .returning({ taken: sql<number>`${ownerNumberSequence.next} - 1` })
    .get();
  if (!row) throw new AppError("conflict", "owner_number_sequence_missing");
  return row.taken;
}

function userIdForEmail(executor: Executor, email: string, name: string | null) {
  executor.insert(users).values({ email, name }).onConflictDoNothing({ target: users.email }).run();
  return executor.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
}

export type Approval = {
  applicationId: number;
  decidedBy: string;
  /** The day equity starts, YYYY-MM-DD. */
  joinedOn: string;
  firstPayment?: { amountCents: number; method: EquityPaymentMethod };
};

/**
 * Approves a pending application: takes the next owner number, creates the ownership for
 * the applicant's account (made if needed), links household members who gave an email to
 * theirs, and records a first payment taken at the register. Run it in the caller's
 * IMMEDIATE transaction; `conflict` when the application is no longer pending.
 */
export function approveOwnerApplication(executor: Executor, approval: Approval) {
  const application = getOwnerApplication(executor, approval.applicationId);
  if (!application) throw new AppError("not_found", "application_not_found");
  const claimed = executor
    .update(ownerApplications)
    .set({ status: "approved", decidedBy: approval.decidedBy, decidedAt: new Date() })
    .where(and(eq(ownerApplications.id, application.id), eq(ownerApplications.status, "submitted")))
    .run().changes;
  if (claimed === 0) throw new AppError("conflict", "application_not_pending");

  const ownerNumber = takeOwnerNumber(executor);
  const { id: ownerId } = executor
    .insert(owners)
    .values({
      ownerNumber,
      userId: userIdForEmail(executor, application.email, application.name),
      applicationId: application.id,
      name: application.name,
      planId: application.planId,
      joinedOn: approval.joinedOn,
    })
    .returning({ id: owners.id })
    .get();
  for (const member of application.household) {
    const userId = member.email ? userIdForEmail(executor, member.email, member.name) : null;
    executor.insert(ownerHouseholdMembers).values({ ownerId, name: member.name, email: member.email, userId }).run();
  }
  if (approval.firstPayment) {
    recordEquityPayment(executor, { ownerId, ...approval.firstPayment, paidOn: approval.joinedOn, recordedBy: approval.decidedBy });
  }
  return { ownerId, ownerNumber };
}

export function recordEquityPayment(
  executor: Executor,
  payment: { ownerId: number; amountCents: number; paidOn: string; method: EquityPaymentMethod; recordedBy: string },
) {
  return executor.insert(equityPayments).values(payment).returning({ id: equityPayments.id }).get().id;
}

/** The ownership a signed-in person belongs to (their own or their household's), with its household and payments; null if none. */
export function getOwnershipForUser(executor: Executor, userId: string) {
  const owner = executor
    .select()
    .from(owners)
    .where(
      or(
        eq(owners.userId, userId),
        sql`${owners.id} in (select ${ownerHouseholdMembers.ownerId} from ${ownerHouseholdMembers} where ${ownerHouseholdMembers.userId} = ${userId})`,
      ),
    )
    .get();
  if (!owner) return null;
  const household = executor
    .select({ id: ownerHouseholdMembers.id, name: ownerHouseholdMembers.name, email: ownerHouseholdMembers.email })
    .from(ownerHouseholdMembers)
    .where(eq(ownerHouseholdMembers.ownerId, owner.id))
    .orderBy(asc(ownerHouseholdMembers.id))
    .all();
  const payments = executor
    .select({ amountCents: equityPayments.amountCents, paidOn: equityPayments.paidOn, method: equityPayments.method })
    .from(equityPayments)
    .where(eq(equityPayments.ownerId, owner.id))
    .orderBy(asc(equityPayments.paidOn), asc(equityPayments.id))
    .all();
  return { ...owner, isPrimary: owner.userId === userId, household, payments };
}

/** Moves the next owner number (admin Settings); never to one at or below a number already given. */
export function setNextOwnerNumber(executor: Executor, next: number) {
  const highest = executor.select({ highest: sql<number | null>`max(${owners.ownerNumber})` }).from(owners).get()?.highest ?? 0;
  if (next <= highest) throw new AppError("conflict", "owner_number_taken");
  executor.update(ownerNumberSequence).set({ next }).where(eq(ownerNumberSequence.id, 1)).run();
}
