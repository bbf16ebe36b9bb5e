import "server-only";
import { asc, eq, or, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { db } from "../index";
import { equityPayments, ownerHouseholdMembers, ownerNumberSequence, owners, users, type EquityPaymentMethod } from "../schema";
import type { Executor } from "./executor";

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
