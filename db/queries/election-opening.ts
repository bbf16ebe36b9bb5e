import "server-only";
import { and, asc, eq, exists, gt, isNull, lte, or } from "drizzle-orm";
import { electionMeasures, electionRaces, electionRoll, elections, equityPayments, owners, users } from "../schema";
import type { Executor } from "./executor";

/**
 * Active ownerships with what decides whether they are behind on equity: the terms they
 * pay by and the payments made on or before `day` (YYYY-MM-DD). The caller does the
 * arithmetic (lib/model/equity.ts) with the equity plans from the settings.
 */
export function listEquityForActiveOwners(executor: Executor, day: string) {
  const rows = executor
    .select({ id: owners.id, planId: owners.planId, equityPlan: owners.equityPlan, joinedOn: owners.joinedOn })
    .from(owners)
    .where(eq(owners.status, "active"))
    .all();
  const payments = executor
    .select({ ownerId: equityPayments.ownerId, amountCents: equityPayments.amountCents })
    .from(equityPayments)
    .where(lte(equityPayments.paidOn, day))
    .all();
  return rows.map((owner) => ({ ...owner, paymentsCents: payments.filter((payment) => payment.ownerId === owner.id).map((payment) => payment.amountCents) }));
}

/** The people the ballot emails go to: each ownership on the roll (not removed) and its primary owner's address. */
export function listRollPrimaryVoters(executor: Executor, electionId: number) {
  return executor
    .select({ ownerId: electionRoll.ownerId, email: users.email, name: owners.name })
    .from(electionRoll)
    .innerJoin(owners, eq(owners.id, electionRoll.ownerId))
    .innerJoin(users, eq(users.id, owners.userId))
    .where(and(eq(electionRoll.electionId, electionId), isNull(electionRoll.removedAt)))
    .orderBy(asc(electionRoll.ownerId))
    .all();
}

/**
 * Draft elections whose window has begun and not yet ended at `now`, with something on the
 * ballot: the ones due to open. An empty draft waits (and never opens once its close has
 * passed) rather than sending owners a ballot with nothing to vote on.
 */
export function listElectionsDueToOpen(executor: Executor, now: Date) {
  const hasItems = or(
    exists(executor.select({ id: electionRaces.id }).from(electionRaces).where(eq(electionRaces.electionId, elections.id))),
    exists(executor.select({ id: electionMeasures.id }).from(electionMeasures).where(eq(electionMeasures.electionId, elections.id))),
  );
  return executor
    .select({ id: elections.id })
    .from(elections)
    .where(and(eq(elections.status, "draft"), lte(elections.opensAt, now), gt(elections.closesAt, now), hasItems))
    .orderBy(asc(elections.opensAt), asc(elections.id))
    .all()
    .map((row) => row.id);
}

