import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import type { BallotChoices, PaperTotals } from "@/lib/model/elections";
import { refusals } from "@/lib/model/errors";
import { electionBallotLinks, electionBallots, electionPaperBatches, electionReceipts } from "../schema";
import { markVoted } from "./election-roll";
import { getElectionById, isTakingBallots } from "./elections";
import type { Executor } from "./executor";
import { formatReceiptCode } from "@/lib/model/receipt-codes";

/** The reasons these queries refuse with (each function's comment says which). */
export type BallotRefusal = "election_not_found" | "election_closed" | "not_on_roll" | "already_voted";
const refuse = refusals<BallotRefusal>();

/** Stores an emailed ballot link of an ownership: the token's hash only, valid until `expiresAt`. */
export function saveBallotLink(executor: Executor, electionId: number, ownerId: number, tokenHash: string, expiresAt: Date) {
  executor
    .insert(electionBallotLinks)
    .values({ electionId, ownerId, tokenHash, expiresAt })
    .run();
}

/** The election and ownership an emailed token stands for, or null when unknown or expired. */
export function findBallotLink(executor: Executor, tokenHash: string, now: Date) {
  return (
    executor
      .select({ electionId: electionBallotLinks.electionId, ownerId: electionBallotLinks.ownerId, expiresAt: electionBallotLinks.expiresAt })
      .from(electionBallotLinks)
      .where(and(eq(electionBallotLinks.tokenHash, tokenHash), gt(electionBallotLinks.expiresAt, now)))
      .get() ?? null
  );
}

/**
 * A receipt code: 80 random bits, written as four groups of Crockford base32 so that it
 * can be read aloud and typed back. Unguessable, so that a published list of counted codes
 * proves only to its holder that their ballot is in it.
 */
function newReceiptCode() {
  return formatReceiptCode(randomBytes(10));
}

export type CastBallot = { electionId: number; ownerId: number; choices: BallotChoices; now: Date; channel: "online" };

/**
 * Casts an ownership's one ballot, in the caller's IMMEDIATE transaction. The roll is
 * marked first, by an update conditional on not having voted, so that nothing else is
 * written unless this is the ownership's first vote. The ballot then gets a random id and
 * nothing that names the ownership, the person or the time; its receipt code is stored
 * apart, in a table that knows only the election. Answers the receipt code, which is never
 * stored with the ballot. The choices are stored as given: the caller checked them
 * against the ballot definition.
 * Refuses `election_not_found`; `election_closed` unless open and `now` is in
 * [opensAt, closesAt); `not_on_roll` (never on it, or removed); `already_voted` (with
 * when and how, see `isAlreadyVoted`).
 */
export function castBallot(executor: Executor, ballot: CastBallot) {
  const election = getElectionById(executor, ballot.electionId);
  if (!election) throw refuse("not_found", "election_not_found");
  if (!isTakingBallots(election, ballot.now)) throw refuse("conflict", "election_closed");
  markVoted(executor, ballot.electionId, ballot.ownerId, ballot.channel, ballot.now);
  executor
    .insert(electionBallots)
    .values({ id: randomBytes(16).toString("hex"), electionId: ballot.electionId, choices: ballot.choices })
    .run();
  const code = newReceiptCode();
  executor.insert(electionReceipts).values({ code, electionId: ballot.electionId }).run();
  return code;
}

export type PaperBatch = { electionId: number; enteredBy: string; ballots: number; totals: PaperTotals; now: Date };

/**
 * Adds a counted batch of paper ballots (its totals per choice, who entered it; the
 * action audits it). Taken while the election is open or closed for counting, not once
 * its results are certified. Refuses `election_not_found`, `election_closed`.
 */
export function addPaperBatch(executor: Executor, batch: PaperBatch) {
  const election = getElectionById(executor, batch.electionId);
  if (!election) throw refuse("not_found", "election_not_found");
  if (election.status !== "open" && election.status !== "closed") throw refuse("conflict", "election_closed");
  return executor
    .insert(electionPaperBatches)
    .values({ electionId: batch.electionId, enteredBy: batch.enteredBy, enteredAt: batch.now, ballots: batch.ballots, totals: batch.totals })
    .returning({ id: electionPaperBatches.id })
    .get().id;
}
