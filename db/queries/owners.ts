import "server-only";
import { asc, desc, eq, or, sql } from "drizzle-orm";
import { refusals } from "@/lib/model/errors";
import type { EquityPaymentMethod } from "@/lib/model/equity";
import { db } from "../index";
import { equityPayments, ownerHouseholdMembers, ownerNumberSequence, owners } from "../schema";
import type { OwnerContact } from "@/lib/validations/owners";
import type { Executor } from "./executor";
import { listHouseholdMembers } from "./owner-households";

/** Why reading or taking the next owner number refuses: the sequence's row is missing. */
export type OwnerNumberRefusal = "owner_number_sequence_missing";
/** Why `setNextOwnerNumber` refuses. */
export type NextOwnerNumberRefusal = "owner_number_taken";
/** Why the functions that change one ownership refuse. */
export type OwnerRefusal = "owner_not_found";
const refuse = refusals<OwnerNumberRefusal | NextOwnerNumberRefusal | OwnerRefusal>();

/** Takes the next owner number: one statement reads and advances the sequence, so no two callers get the same one. */
export function takeOwnerNumber(executor: Executor) {
  const row = executor
    .update(ownerNumberSequence)
    .set({ next: sql`${ownerNumberSequence.next} + 1` })
    .where(eq(ownerNumberSequence.id, 1))
    .returning({ taken: sql<number>`${ownerNumberSequence.next} - 1` })
    .get();
  if (!row) throw refuse("conflict", "owner_number_sequence_missing");
  return row.taken;
}

export function recordEquityPayment(
  executor: Executor,
  payment: { ownerId: number; amountCents: number; paidOn: string; method: EquityPaymentMethod; recordedBy: string },
) {
  return executor.insert(equityPayments).values(payment).returning({ id: equityPayments.id }).get().id;
}

/** The ownership a signed-in person belongs to (their own or their household's), with its household and payments; null if none. */
export function getOwnershipForUser(executor: Executor, userId: string, now = new Date()) {
  const owner = executor
    .select()
    .from(owners)
    .where(
      or(
        eq(owners.userId, userId),
        sql`${owners.id} in (select ${ownerHouseholdMembers.ownerId} from ${ownerHouseholdMembers} where ${ownerHouseholdMembers.userId} = ${userId} and ${ownerHouseholdMembers.joinedAt} is not null)`,
      ),
    )
    // Approval and the household editor keep a person in one ownership; should two ever
    // match (rows from before that rule), the person's own comes first, then the oldest.
    .orderBy(desc(sql`${owners.userId} = ${userId}`), asc(owners.id))
    .get();
  if (!owner) return null;
  const household = listHouseholdMembers(executor, owner.id, now);
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
  if (next === undefined) throw refuse("conflict", "owner_number_sequence_missing");
  return { next, highest: highestOwnerNumber(executor) };
}

function highestOwnerNumber(executor: Executor) {
  return executor.select({ highest: sql<number | null>`max(${owners.ownerNumber})` }).from(owners).get()?.highest ?? 0;
}

/** Moves the next owner number (admin Settings); never to one at or below a number already given. */
export function setNextOwnerNumber(executor: Executor, next: number) {
  if (next <= highestOwnerNumber(executor)) throw refuse("conflict", "owner_number_taken");
  executor.update(ownerNumberSequence).set({ next }).where(eq(ownerNumberSequence.id, 1)).run();
}

/** Sets (or with null, ends) the day through which the FLOWER discount was verified at the store. */
export function setFlowerVerifiedUntil(executor: Executor, ownerId: number, day: string | null) {
  const changed = executor.update(owners).set({ flowerVerifiedUntil: day }).where(eq(owners.id, ownerId)).run().changes;
  if (changed === 0) throw refuse("not_found", "owner_not_found");
}

/** Replaces an ownership's contact details; answers the ones it had, for the audit entry. */
export function updateOwnerContact(executor: Executor, ownerId: number, contact: OwnerContact) {
  const before = executor
    .select({ phone: owners.phone, streetAddress: owners.streetAddress, locality: owners.locality, region: owners.region, postalCode: owners.postalCode })
    .from(owners)
    .where(eq(owners.id, ownerId))
    .get();
  if (!before) throw refuse("not_found", "owner_not_found");
  executor.update(owners).set(contact).where(eq(owners.id, ownerId)).run();
  return before;
}

/** Whether an ownership exists (actions check before writing a child row). */
export function ownerExists(executor: Executor, ownerId: number) {
  return Boolean(executor.select({ id: owners.id }).from(owners).where(eq(owners.id, ownerId)).get());
}
