import "server-only";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { ElectionEligibility, VoteChannel } from "@/lib/model/elections";
import { AppError, refusals } from "@/lib/model/errors";
import { nextDay, startOfStoreDay } from "@/lib/model/format";
import { electionRoll, elections, owners } from "../schema";
import { getElectionById } from "./elections";
import type { Executor } from "./executor";

/** The reasons the roll's queries refuse with (each function's comment says which). */
export type RollRefusal = "election_not_found" | "not_draft" | "election_closed" | "owner_not_found" | "not_on_roll" | "already_on_roll" | "already_voted";
const refuse = refusals<RollRefusal>();

/** An `already_voted` refusal, with when and how the vote was recorded (for the words the person reads). */
export type AlreadyVoted = AppError & { reason: "already_voted"; votedAt: Date; channel: VoteChannel };

export function alreadyVoted(votedAt: Date, channel: VoteChannel): AlreadyVoted {
  return Object.assign(refuse("conflict", "already_voted"), { votedAt, channel }) as AlreadyVoted;
}

export function isAlreadyVoted(error: unknown): error is AlreadyVoted {
  return error instanceof AppError && error.reason === "already_voted" && "votedAt" in error;
}

export type RollRule = {
  /** YYYY-MM-DD, store time. */
  recordDate: string;
  eligibility: ElectionEligibility;
  now: Date;
  /**
   * Ownerships behind on equity, left off under `approved_paid_up`: the caller works it
   * out with the equity plans from the settings, which this layer does not read.
   */
  behindOwnerIds?: ReadonlySet<number>;
};

/**
 * Opens a draft election by writing down its roll: the active ownerships approved on or
 * before the record date (the moment the ownership was created, before the record day
 * ended in store time), less those behind on equity under `approved_paid_up`. The roll is
 * a snapshot: later approvals or payments do not change it, and a second call on an open
 * election adds nothing (answers 0). Run it in the caller's IMMEDIATE transaction.
 * Refuses `election_not_found`, and `not_draft` once closed or certified.
 */
export function writeElectionRoll(executor: Executor, electionId: number, rule: RollRule) {
  const election = getElectionById(executor, electionId);
  if (!election) throw refuse("not_found", "election_not_found");
  if (election.status === "open") return 0;
  if (election.status !== "draft") throw refuse("conflict", "not_draft");

  const endOfRecordDay = startOfStoreDay(nextDay(rule.recordDate));
  const approved = executor
    .select({ id: owners.id })
    .from(owners)
    .where(and(eq(owners.status, "active"), lt(owners.createdAt, endOfRecordDay)))
    .all();
  const eligible = rule.eligibility === "approved_paid_up" ? approved.filter((owner) => !rule.behindOwnerIds?.has(owner.id)) : approved;
  let added = 0;
  for (const owner of eligible) {
    added += executor.insert(electionRoll).values({ electionId, ownerId: owner.id, addedAt: rule.now }).onConflictDoNothing().run().changes;
  }
  executor
    .update(elections)
    .set({ status: "open", updatedAt: rule.now })
    .where(and(eq(elections.id, electionId), eq(elections.status, "draft")))
    .run();
  return added;
}

function requireOpenElection(executor: Executor, electionId: number) {
  const election = getElectionById(executor, electionId);
  if (!election) throw refuse("not_found", "election_not_found");
  if (election.status !== "open") throw refuse("conflict", "election_closed");
  return election;
}

export function getRollEntry(executor: Executor, electionId: number, ownerId: number) {
  return executor
    .select()
    .from(electionRoll)
    .where(and(eq(electionRoll.electionId, electionId), eq(electionRoll.ownerId, ownerId)))
    .get();
}

/**
 * An admin puts an ownership on an open election's roll (or back on it); the action
 * audits it with the reason. Refuses `election_not_found`, `election_closed` (not open),
 * `owner_not_found`, `already_on_roll`.
 */
export function addToRoll(executor: Executor, electionId: number, ownerId: number, now: Date) {
  requireOpenElection(executor, electionId);
  if (!executor.select({ id: owners.id }).from(owners).where(eq(owners.id, ownerId)).get()) throw refuse("not_found", "owner_not_found");
  const entry = getRollEntry(executor, electionId, ownerId);
  if (entry && !entry.removedAt) throw refuse("conflict", "already_on_roll");
  if (entry) {
    executor
      .update(electionRoll)
      .set({ removedAt: null, removedReason: null })
      .where(and(eq(electionRoll.electionId, electionId), eq(electionRoll.ownerId, ownerId)))
      .run();
    return;
  }
  executor.insert(electionRoll).values({ electionId, ownerId, addedAt: now }).run();
}

/**
 * An admin takes an ownership off an open election's roll, with the reason (kept on the
 * roll and in the audit log). An ownership that has voted stays: its ballot cannot be
 * found to take it out of the count, by design. Refuses `election_not_found`,
 * `election_closed`, `not_on_roll`, `already_voted`.
 */
export function removeFromRoll(executor: Executor, electionId: number, ownerId: number, reason: string, now: Date) {
  requireOpenElection(executor, electionId);
  const entry = getRollEntry(executor, electionId, ownerId);
  if (!entry || entry.removedAt) throw refuse("conflict", "not_on_roll");
  if (entry.votedAt) throw alreadyVoted(entry.votedAt, entry.channel!);
  executor
    .update(electionRoll)
    .set({ removedAt: now, removedReason: reason })
    .where(and(eq(electionRoll.electionId, electionId), eq(electionRoll.ownerId, ownerId)))
    .run();
}

/**
 * Records on the roll that an ownership voted, by `channel`, if it may: on the roll, not
 * removed, not voted yet. The update is conditional on `voted_at is null`, so of two
 * writers only one changes the row, whatever else they read before. Refuses `not_on_roll`
 * and `already_voted` (with when and how).
 */
export function markVoted(executor: Executor, electionId: number, ownerId: number, channel: VoteChannel, now: Date) {
  const changed = executor
    .update(electionRoll)
    .set({ votedAt: now, channel })
    .where(and(eq(electionRoll.electionId, electionId), eq(electionRoll.ownerId, ownerId), isNull(electionRoll.removedAt), isNull(electionRoll.votedAt)))
    .run().changes;
  if (changed === 1) return;
  const entry = getRollEntry(executor, electionId, ownerId);
  if (!entry || entry.removedAt) throw refuse("forbidden", "not_on_roll");
  throw alreadyVoted(entry.votedAt!, entry.channel!);
}

/**
 * Staff record that an ownership voted on paper (its ballot goes into a counted batch,
 * apart). Taken while the election is open, including after the window for ballots that
 * arrived in time, until it is closed for counting. Refuses `election_not_found`,
 * `election_closed`, `not_on_roll`, `already_voted` (online or on paper, with when).
 */
export function markVotedOnPaper(executor: Executor, electionId: number, ownerId: number, now: Date) {
  requireOpenElection(executor, electionId);
  markVoted(executor, electionId, ownerId, "paper", now);
}

/** Who voted, counted: the roll (without those removed), and how many of it voted, online and on paper. */
export function electionTurnout(executor: Executor, electionId: number) {
  const row = executor
    .select({
      rollSize: sql<number>`count(*)`,
      online: sql<number>`coalesce(sum(${electionRoll.channel} = 'online'), 0)`,
      paper: sql<number>`coalesce(sum(${electionRoll.channel} = 'paper'), 0)`,
    })
    .from(electionRoll)
    .where(and(eq(electionRoll.electionId, electionId), isNull(electionRoll.removedAt)))
    .get()!;
  return { rollSize: row.rollSize, voted: row.online + row.paper, online: row.online, paper: row.paper };
}
