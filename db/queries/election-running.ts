import "server-only";
import { and, asc, desc, eq, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { RollFilter } from "@/lib/model/election-running";
import type { ElectionResults } from "@/lib/model/election-tally";
import { clampPage } from "@/lib/model/pagination";
import { electionBallots, electionPaperBatches, electionRoll, elections, ownerHouseholdMembers, owners, users } from "../schema";
import type { Executor } from "./executor";

// Staff reads and writes of a running election: the roll as staff see it, paper batches,
// reminders, closing and certifying. Nothing here reads a ballot except the count itself.

export const ROLL_PAGE_SIZE = 100;


const filterCondition: Record<RollFilter, SQL | undefined> = {
  all: undefined,
  not_voted: and(isNull(electionRoll.votedAt), isNull(electionRoll.removedAt)),
  voted: isNotNull(electionRoll.votedAt),
  removed: isNotNull(electionRoll.removedAt),
};

/**
 * The roll as staff see it: owner number and name, whether, when and how each ownership
 * voted, and removals. Never anything of a ballot. `search` matches a name or an owner number.
 */
export function listRoll(executor: Executor, electionId: number, options: { filter?: RollFilter; search?: string; page?: number }) {
  const page = clampPage(options.page);
  const conditions: (SQL | undefined)[] = [eq(electionRoll.electionId, electionId), filterCondition[options.filter ?? "all"]];
  const search = options.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[%_\\]/g, (char) => `\\${char}`)}%`;
    const matches: SQL[] = [sql`${owners.name} like ${pattern} escape '\\'`];
    if (/^\d{1,9}$/.test(search)) matches.push(eq(owners.ownerNumber, Number(search)));
    conditions.push(or(...matches));
  }
  const rows = executor
    .select({
      ownerId: electionRoll.ownerId,
      ownerNumber: owners.ownerNumber,
      name: owners.name,
      votedAt: electionRoll.votedAt,
      channel: electionRoll.channel,
      removedAt: electionRoll.removedAt,
      removedReason: electionRoll.removedReason,
    })
    .from(electionRoll)
    .innerJoin(owners, eq(owners.id, electionRoll.ownerId))
    .where(and(...conditions))
    .orderBy(asc(owners.ownerNumber))
    .limit(ROLL_PAGE_SIZE + 1)
    .offset((page - 1) * ROLL_PAGE_SIZE)
    .all();
  return { rows: rows.slice(0, ROLL_PAGE_SIZE), hasMore: rows.length > ROLL_PAGE_SIZE, page };
}

export type RollRow = ReturnType<typeof listRoll>["rows"][number];

/** The ownership with this owner number, or null. */
export function findOwnerIdByNumber(executor: Executor, ownerNumber: number) {
  return executor.select({ id: owners.id }).from(owners).where(eq(owners.ownerNumber, ownerNumber)).get()?.id ?? null;
}

export function getOwnerNumber(executor: Executor, ownerId: number) {
  return executor.select({ ownerNumber: owners.ownerNumber }).from(owners).where(eq(owners.id, ownerId)).get()?.ownerNumber ?? null;
}

/** Paper batches entered, newest first, with who entered them: counts only, never the totals per choice. */
export function listPaperBatches(executor: Executor, electionId: number) {
  return executor
    .select({ id: electionPaperBatches.id, enteredAt: electionPaperBatches.enteredAt, ballots: electionPaperBatches.ballots, enteredBy: users.email })
    .from(electionPaperBatches)
    .leftJoin(users, eq(users.id, electionPaperBatches.enteredBy))
    .where(eq(electionPaperBatches.electionId, electionId))
    .orderBy(desc(electionPaperBatches.enteredAt), desc(electionPaperBatches.id))
    .all();
}

/** What the count adds: every online ballot's choices and every paper batch's totals. Read only by the tally. */
export function listCountInputs(executor: Executor, electionId: number) {
  const ballots = executor.select({ choices: electionBallots.choices }).from(electionBallots).where(eq(electionBallots.electionId, electionId)).all();
  const paper = executor.select({ totals: electionPaperBatches.totals }).from(electionPaperBatches).where(eq(electionPaperBatches.electionId, electionId)).all();
  return { ballots: ballots.map((row) => row.choices), paper: paper.map((row) => row.totals) };
}

/** Ownerships on the roll that have not voted and were not removed, with the primary owner's address. */
export function listRollNotVoted(executor: Executor, electionId: number) {
  return executor
    .select({ ownerId: electionRoll.ownerId, email: users.email })
    .from(electionRoll)
    .innerJoin(owners, eq(owners.id, electionRoll.ownerId))
    .innerJoin(users, eq(users.id, owners.userId))
    .where(and(eq(electionRoll.electionId, electionId), isNull(electionRoll.removedAt), isNull(electionRoll.votedAt)))
    .orderBy(asc(electionRoll.ownerId))
    .all();
}

/**
 * Records that reminders went out at `now`, if the last went out at or before
 * `notAfter`: of two staff pressing the button at once, only one changes the row.
 * Answers whether it did.
 */
export function claimReminder(executor: Executor, electionId: number, now: Date, notAfter: Date) {
  return (
    executor
      .update(elections)
      .set({ lastReminderAt: now })
      .where(and(eq(elections.id, electionId), eq(elections.status, "open"), or(isNull(elections.lastReminderAt), lte(elections.lastReminderAt, notAfter))))
      .run().changes === 1
  );
}

/** Open elections whose window has ended by `now`: the ones due to close. */
export function listElectionsDueToClose(executor: Executor, now: Date) {
  return executor
    .select({ id: elections.id })
    .from(elections)
    .where(and(eq(elections.status, "open"), lte(elections.closesAt, now)))
    .orderBy(asc(elections.closesAt), asc(elections.id))
    .all()
    .map((row) => row.id);
}

/** Closes an open election with its counted results; answers whether it was still open. */
export function closeWithResults(executor: Executor, electionId: number, results: ElectionResults, now: Date) {
  return (
    executor
      .update(elections)
      .set({ status: "closed", resultsJson: results, updatedAt: now })
      .where(and(eq(elections.id, electionId), eq(elections.status, "open")))
      .run().changes === 1
  );
}

/** Stores recounted results of a closed election (a paper batch came in after the close). */
export function saveResults(executor: Executor, electionId: number, results: ElectionResults, now: Date) {
  executor
    .update(elections)
    .set({ resultsJson: results, updatedAt: now })
    .where(and(eq(elections.id, electionId), eq(elections.status, "closed")))
    .run();
}

/** Certifies a closed election with its results; answers whether it was still closed (not certified by someone else first). */
export function certifyWithResults(executor: Executor, electionId: number, results: ElectionResults, certifiedBy: string, now: Date) {
  return (
    executor
      .update(elections)
      .set({ status: "certified", resultsJson: results, certifiedAt: now, certifiedBy, updatedAt: now })
      .where(and(eq(elections.id, electionId), eq(elections.status, "closed")))
      .run().changes === 1
  );
}

/**
 * The addresses of owners who asked to be emailed results: people with the preference on
 * who are the primary owner of an active ownership or a joined member of its household.
 */
export function listResultsSubscribers(executor: Executor) {
  const primary = executor
    .select({ email: users.email })
    .from(users)
    .innerJoin(owners, and(eq(owners.userId, users.id), eq(owners.status, "active")))
    .where(eq(users.electionResultsEmail, true))
    .all();
  const household = executor
    .select({ email: users.email })
    .from(users)
    .innerJoin(ownerHouseholdMembers, and(eq(ownerHouseholdMembers.userId, users.id), isNotNull(ownerHouseholdMembers.joinedAt)))
    .innerJoin(owners, and(eq(owners.id, ownerHouseholdMembers.ownerId), eq(owners.status, "active")))
    .where(eq(users.electionResultsEmail, true))
    .all();
  return [...new Set([...primary, ...household].map((row) => row.email))].sort();
}

export function getResultsEmailPreference(executor: Executor, userId: string) {
  return executor.select({ wanted: users.electionResultsEmail }).from(users).where(eq(users.id, userId)).get()?.wanted ?? false;
}

export function setResultsEmailPreference(executor: Executor, userId: string, wanted: boolean) {
  executor.update(users).set({ electionResultsEmail: wanted }).where(eq(users.id, userId)).run();
}

/** Who certified an election's results, by address (null once that account is gone). */
export function getCertifierEmail(executor: Executor, userId: string | null) {
  if (!userId) return null;
  return executor.select({ email: users.email }).from(users).where(eq(users.id, userId)).get()?.email ?? null;
}
