import "server-only";
import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { db } from "../index";
import { equityPayments, ownerApplications, ownerHouseholdMembers, ownerNumberSequence, owners, users, type EquityPaymentMethod } from "../schema";
import type { OwnerContact } from "@/lib/validations/owners";
import type { Executor } from "./executor";
import { ensureUserByEmail } from "./users";

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

/** Whether someone with this address is waiting for their own application's decision. */
export function hasPendingApplication(executor: Executor, email: string) {
  const pending = executor
    .select({ id: ownerApplications.id })
    .from(ownerApplications)
    .where(and(eq(ownerApplications.email, email), eq(ownerApplications.status, "submitted")))
    .get();
  return Boolean(pending);
}

/** Takes the next owner number: one statement reads and advances the sequence, so no two callers get the same one. */
export function takeOwnerNumber(executor: Executor) {
  const row = executor
    .update(ownerNumberSequence)
    .set({ next: sql`${ownerNumberSequence.next} + 1` })
    .where(eq(ownerNumberSequence.id, 1))
    .returning({ taken: sql<number>`${ownerNumberSequence.next} - 1` })
    .get();
  if (!row) throw new AppError("conflict", "owner_number_sequence_missing");
  return row.taken;
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
    // Approval and the household editor keep a person in one ownership; should two ever
    // match (rows from before that rule), the person's own comes first, then the oldest.
    .orderBy(desc(sql`${owners.userId} = ${userId}`), asc(owners.id))
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

/** The number the next approval takes, and the highest already given (0 before the first owner). */
export function getOwnerNumberState(executor: Executor = db) {
  const next = executor.select({ next: ownerNumberSequence.next }).from(ownerNumberSequence).where(eq(ownerNumberSequence.id, 1)).get()?.next;
  if (next === undefined) throw new AppError("conflict", "owner_number_sequence_missing");
  return { next, highest: highestOwnerNumber(executor) };
}

function highestOwnerNumber(executor: Executor) {
  return executor.select({ highest: sql<number | null>`max(${owners.ownerNumber})` }).from(owners).get()?.highest ?? 0;
}

/** Moves the next owner number (admin Settings); never to one at or below a number already given. */
export function setNextOwnerNumber(executor: Executor, next: number) {
  if (next <= highestOwnerNumber(executor)) throw new AppError("conflict", "owner_number_taken");
  executor.update(ownerNumberSequence).set({ next }).where(eq(ownerNumberSequence.id, 1)).run();
}

/** Sets (or with null, ends) the day through which the FLOWER discount was verified at the store. */
export function setFlowerVerifiedUntil(executor: Executor, ownerId: number, day: string | null) {
  const changed = executor.update(owners).set({ flowerVerifiedUntil: day }).where(eq(owners.id, ownerId)).run().changes;
  if (changed === 0) throw new AppError("not_found", "owner_not_found");
}

/** Replaces an ownership's contact details; answers the ones it had, for the audit entry. */
export function updateOwnerContact(executor: Executor, ownerId: number, contact: OwnerContact) {
  const before = executor
    .select({ phone: owners.phone, streetAddress: owners.streetAddress, locality: owners.locality, region: owners.region, postalCode: owners.postalCode })
    .from(owners)
    .where(eq(owners.id, ownerId))
    .get();
  if (!before) throw new AppError("not_found", "owner_not_found");
  executor.update(owners).set(contact).where(eq(owners.id, ownerId)).run();
  return before;
}

/** Whether an ownership exists (actions check before writing a child row). */
export function ownerExists(executor: Executor, ownerId: number) {
  return Boolean(executor.select({ id: owners.id }).from(owners).where(eq(owners.id, ownerId)).get());
}

/**
 * Makes an ownership's household exactly `members`: people kept by email (or by name
 * when they have none) keep their row and sign-in; new emails get an account; people
 * left out lose access. One person, one household: an email that belongs to another
 * ownership is refused (`conflict`, `email_in_other_ownership`), and so is one whose
 * person is waiting for their own application's decision (`email_has_pending_application`);
 * fieldErrors' key names the field.
 */
export function replaceHouseholdMembers(executor: Executor, ownerId: number, members: { name: string; email?: string }[]) {
  const current = executor.select().from(ownerHouseholdMembers).where(eq(ownerHouseholdMembers.ownerId, ownerId)).all();
  const primaryEmail = executor.select({ email: users.email }).from(owners).innerJoin(users, eq(users.id, owners.userId)).where(eq(owners.id, ownerId)).get()?.email;
  members.forEach((member, index) => {
    if (!member.email) return;
    const elsewhere = findOwnershipByEmail(executor, member.email);
    if ((elsewhere && elsewhere.ownerId !== ownerId) || member.email === primaryEmail) {
      throw new AppError("conflict", "email_in_other_ownership", { [`household.${index}.email`]: [member.email] });
    }
    if (!elsewhere && hasPendingApplication(executor, member.email)) {
      throw new AppError("conflict", "email_has_pending_application", { [`household.${index}.email`]: [member.email] });
    }
  });
  const kept = new Set<number>();
  let added = 0;
  for (const member of members) {
    const match = current.find((row) => !kept.has(row.id) && (member.email ? row.email === member.email : !row.email && row.name === member.name));
    if (match) {
      kept.add(match.id);
      if (match.name !== member.name) executor.update(ownerHouseholdMembers).set({ name: member.name }).where(eq(ownerHouseholdMembers.id, match.id)).run();
      continue;
    }
    const userId = member.email ? ensureUserByEmail(executor, member.email, member.name) : null;
    executor.insert(ownerHouseholdMembers).values({ ownerId, name: member.name, email: member.email ?? null, userId }).run();
    added++;
  }
  const removed = current.filter((row) => !kept.has(row.id));
  for (const row of removed) executor.delete(ownerHouseholdMembers).where(eq(ownerHouseholdMembers.id, row.id)).run();
  return { added, removed: removed.length };
}
