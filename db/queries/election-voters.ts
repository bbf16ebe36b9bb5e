import "server-only";
import { and, asc, desc, eq, gt, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { electionRoll, elections, ownerHouseholdMembers, owners, users } from "../schema";
import type { Executor } from "./executor";

/** The address of an ownership's primary owner, where its ballot link and receipt go; null when the ownership is gone. */
export function getPrimaryVoterEmail(executor: Executor, ownerId: number) {
  return executor.select({ email: users.email }).from(owners).innerJoin(users, eq(users.id, owners.userId)).where(eq(owners.id, ownerId)).get()?.email ?? null;
}

/**
 * The ownership a signed-in person may vote for, and whether they are its primary owner
 * (a household member counts only once they said yes to joining); null when none. Should
 * two ever match, the person's own ownership comes first, as on /account.
 */
export function findVoterOwnership(executor: Executor, userId: string) {
  const row = executor
    .select({ ownerId: owners.id, primaryUserId: owners.userId, email: users.email })
    .from(owners)
    .leftJoin(ownerHouseholdMembers, and(eq(ownerHouseholdMembers.ownerId, owners.id), eq(ownerHouseholdMembers.userId, userId), isNotNull(ownerHouseholdMembers.joinedAt)))
    .innerJoin(users, eq(users.id, userId))
    .where(or(eq(owners.userId, userId), isNotNull(ownerHouseholdMembers.id)))
    .orderBy(desc(sql`${owners.userId} = ${userId}`), asc(owners.id))
    .get();
  return row ? { ownerId: row.ownerId, isPrimary: row.primaryUserId === userId, email: row.email } : null;
}

/**
 * The elections taking ballots at `now` in which the signed-in person may still cast their
 * ownership's vote: on the roll, not removed, not voted, and (where only the primary owner
 * votes) they are it. For the "Vote in …" box on /account.
 */
export function listBallotsWaitingFor(executor: Executor, userId: string, now: Date) {
  const voter = findVoterOwnership(executor, userId);
  if (!voter) return [];
  return executor
    .select({ slug: elections.slug, title: elections.title, closesAt: elections.closesAt })
    .from(electionRoll)
    .innerJoin(elections, eq(elections.id, electionRoll.electionId))
    .where(
      and(
        eq(electionRoll.ownerId, voter.ownerId),
        isNull(electionRoll.removedAt),
        isNull(electionRoll.votedAt),
        eq(elections.status, "open"),
        lte(elections.opensAt, now),
        gt(elections.closesAt, now),
        voter.isPrimary ? undefined : eq(elections.voters, "any_adult"),
      ),
    )
    .orderBy(asc(elections.closesAt), asc(elections.id))
    .all();
}
