import "server-only";
import { db } from "@/db";
import { recordAudit, type AuditActor } from "@/db/queries/audit";
import { addPaperBatch } from "@/db/queries/election-ballots";
import { isAlreadyVoted, markVotedOnPaper } from "@/db/queries/election-roll";
import { getBallotDefinition, getElectionById } from "@/db/queries/elections";
import { checkPaperTotals, type PaperRefusal } from "@/lib/model/election-paper";
import type { PaperTotals, VoteChannel } from "@/lib/model/elections";
import { isAppError } from "@/lib/model/errors";
import { recountClosedElection } from "./count-election";

/** The roll's and the election's refusals, as results. */
type ElectionRefusal = { ok: false; reason: "election_not_found" | "election_closed" | "not_on_roll" };
type AlreadyVotedRefusal = { ok: false; reason: "already_voted"; votedAt: Date; channel: VoteChannel };

export type PaperBatchResult =
  | { ok: true; batchId: number }
  | { ok: false; reason: PaperRefusal; raceId?: number; measureId?: number; candidateId?: number }
  | ElectionRefusal;

export type PaperMarkResult = { ok: true } | ElectionRefusal | AlreadyVotedRefusal;

/** The query layer's refusals as results; anything else is a fault and goes on up. */
function electionRefusalOf(error: unknown): ElectionRefusal {
  if (isAppError(error) && (error.reason === "election_not_found" || error.reason === "election_closed" || error.reason === "not_on_roll")) {
    return { ok: false, reason: error.reason };
  }
  throw error;
}

export type EnteredPaperBatch = {
  electionId: number;
  enteredBy: AuditActor;
  /** How many paper ballots the batch holds. */
  ballots: number;
  /** Its totals per choice; the batch's ballot count is `ballots`. */
  totals: Omit<PaperTotals, "ballots">;
  now: Date;
};

/**
 * Staff enter a counted batch of paper ballots: the totals are checked against the ballot
 * read in the same IMMEDIATE transaction, then stored and audited (and, once the election
 * is closed, its results counted again). The audit row carries
 * the batch's ballot count only: totals per choice belong to the count, not the log.
 */
export function recordPaperBatch(batch: EnteredPaperBatch): PaperBatchResult {
  try {
    return db.transaction(
      (tx): PaperBatchResult => {
        const election = getElectionById(tx, batch.electionId);
        if (!election) return { ok: false, reason: "election_not_found" };
        const totals: PaperTotals = { ...batch.totals, ballots: batch.ballots };
        const checked = checkPaperTotals(getBallotDefinition(tx, batch.electionId), totals);
        if (!checked.ok) return checked;
        const batchId = addPaperBatch(tx, { electionId: batch.electionId, enteredBy: batch.enteredBy.id, ballots: batch.ballots, totals, now: batch.now });
        // After the close the stored results must include every batch, as certifying reads them.
        recountClosedElection(tx, election, batch.now);
        recordAudit(tx, batch.enteredBy, { action: "election.paper_batch", subjectType: "election", subjectId: String(batch.electionId), detail: { ballots: batch.ballots } });
        return { ok: true, batchId };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    return electionRefusalOf(error);
  }
}

/**
 * Staff record that an ownership voted on paper, and audit it, in one IMMEDIATE
 * transaction. Refused after an online ballot (and a later online ballot is refused in
 * turn), with when and how the vote came.
 */
export function markOwnershipVotedOnPaper(mark: { electionId: number; ownerId: number; now: Date; markedBy: AuditActor }): PaperMarkResult {
  try {
    db.transaction(
      (tx) => {
        markVotedOnPaper(tx, mark.electionId, mark.ownerId, mark.now);
        recordAudit(tx, mark.markedBy, { action: "election.paper_vote", subjectType: "election", subjectId: String(mark.electionId), detail: { ownerId: mark.ownerId } });
      },
      { behavior: "immediate" },
    );
    return { ok: true };
  } catch (error) {
    if (isAlreadyVoted(error)) return { ok: false, reason: "already_voted", votedAt: error.votedAt, channel: error.channel };
    return electionRefusalOf(error);
  }
}
