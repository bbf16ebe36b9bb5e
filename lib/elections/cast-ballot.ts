import "server-only";
import { db } from "@/db";
import { castBallot, findBallotLink } from "@/db/queries/election-ballots";
import { isAlreadyVoted } from "@/db/queries/election-roll";
import { findVoterOwnership, getPrimaryVoterEmail } from "@/db/queries/election-voters";
import { getBallotDefinition, getElectionById, isTakingBallots } from "@/db/queries/elections";
import type { Tx } from "@/db/queries/executor";
import { getSiteSettings } from "@/db/queries/site";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { hashLinkToken, isWellFormedLinkToken } from "@/lib/link-tokens";
import { checkBallot, choicesFromForm, type BallotDraft, type BallotRefusal } from "@/lib/model/election-ballots";
import type { VoteChannel } from "@/lib/model/elections";
import { isAppError } from "@/lib/model/errors";
import { ballotReceiptEmail } from "./receipt-email";

/** The ballot as a plain form posted it (`choicesFromForm`), or as the review step sends it. */
export type BallotInput = { entries: readonly (readonly [string, string])[] } | { choices: BallotDraft };

/** Why a ballot was not cast; nothing is written for any of them. */
export type CastRefusal =
  | { ok: false; reason: BallotRefusal; raceId?: number; measureId?: number }
  /** The ownership's one vote is in: when, and how, for "your household's vote was cast on … online". */
  | { ok: false; reason: "already_voted"; votedAt: Date; channel: VoteChannel }
  | { ok: false; reason: "election_not_found" | "election_closed" | "not_on_roll" }
  /** The emailed link is unknown, or the election it was for has closed. */
  | { ok: false; reason: "link_not_valid" }
  /** The signed-in person belongs to no ownership. */
  | { ok: false; reason: "not_an_owner" }
  /** A household member, where only the primary owner casts the ownership's vote. */
  | { ok: false; reason: "not_the_voter" };

export type CastResult = { ok: true; receiptCode: string } | CastRefusal;

export type OnlineBallot = { electionId: number; ownerId: number; now: Date; voterEmail: string } & BallotInput;

/** The query layer's refusals of a cast, as results; anything else is a fault and goes on up. */
function refusalOf(error: unknown): CastRefusal {
  if (isAlreadyVoted(error)) return { ok: false, reason: "already_voted", votedAt: error.votedAt, channel: error.channel };
  if (isAppError(error) && (error.reason === "election_not_found" || error.reason === "election_closed" || error.reason === "not_on_roll")) {
    return { ok: false, reason: error.reason };
  }
  throw error;
}

/**
 * Casts inside the caller's IMMEDIATE transaction: the ballot is checked against the
 * definition read in the same transaction, so it cannot change between the check and the
 * write. A refused ballot returns before anything is written; a refusal from the roll
 * throws, so that the transaction rolls back whatever was started.
 */
function castIn(tx: Tx, ballot: OnlineBallot): CastResult {
  const election = getElectionById(tx, ballot.electionId);
  if (!election) return { ok: false, reason: "election_not_found" };
  if (!isTakingBallots(election, ballot.now)) return { ok: false, reason: "election_closed" };
  const definition = getBallotDefinition(tx, election.id);
  const checked = "entries" in ballot ? choicesFromForm(definition, ballot.entries) : checkBallot(definition, ballot.choices);
  if (!checked.ok) return checked;
  const receiptCode = castBallot(tx, { electionId: election.id, ownerId: ballot.ownerId, choices: checked.choices, now: ballot.now, channel: "online" });
  // No `concerns` and no ballot id: the message holds the code and the election, nothing of the choices.
  queueEmail(tx, { to: ballot.voterEmail, ...ballotReceiptEmail({ coopName: getSiteSettings().coopName, siteUrl: getEnv().siteUrl }, election, receiptCode) });
  return { ok: true, receiptCode };
}

/** Runs one cast in its own IMMEDIATE transaction, turning the roll's refusals into results, and sends the receipt after commit. */
function castInTransaction(run: (tx: Tx) => CastResult): CastResult {
  let result: CastResult;
  try {
    result = db.transaction(run, { behavior: "immediate" });
  } catch (error) {
    return refusalOf(error);
  }
  if (result.ok) wakeEmailWorker();
  return result;
}

/**
 * Casts an ownership's one online ballot and emails its receipt to `voterEmail`, in one
 * IMMEDIATE transaction. The caller has established that the person may cast this
 * ownership's vote (`castByBallotLink`, `castSignedIn`).
 */
export function castOnlineBallot(ballot: OnlineBallot): CastResult {
  return castInTransaction((tx) => castIn(tx, ballot));
}

/**
 * Casts the ballot of the ownership an emailed link stands for. Whoever holds the link
 * casts that ownership's vote; the receipt goes to the primary owner, to whom the link was
 * sent. An unknown or expired token is refused as `link_not_valid`, without saying which.
 */
export function castByBallotLink(token: string, ballot: BallotInput, now: Date): CastResult {
  if (!isWellFormedLinkToken(token)) return { ok: false, reason: "link_not_valid" };
  return castInTransaction((tx) => {
    const link = findBallotLink(tx, hashLinkToken(token), now);
    const voterEmail = link && getPrimaryVoterEmail(tx, link.ownerId);
    if (!link || !voterEmail) return { ok: false, reason: "link_not_valid" };
    return castIn(tx, { ...ballot, electionId: link.electionId, ownerId: link.ownerId, now, voterEmail });
  });
}

/**
 * Casts the ballot of the signed-in person's ownership: as its primary owner, or as a
 * household member who joined it when the election lets any adult vote (the first ballot
 * counts; the others are told when it was cast). The receipt goes to the person who cast.
 * Refuses `not_an_owner` and `not_the_voter`.
 */
export function castSignedIn(userId: string, electionId: number, ballot: BallotInput, now: Date): CastResult {
  return castInTransaction((tx) => {
    const voter = findVoterOwnership(tx, userId);
    if (!voter) return { ok: false, reason: "not_an_owner" };
    const election = getElectionById(tx, electionId);
    if (!election) return { ok: false, reason: "election_not_found" };
    if (!voter.isPrimary && election.voters !== "any_adult") return { ok: false, reason: "not_the_voter" };
    return castIn(tx, { ...ballot, electionId, ownerId: voter.ownerId, now, voterEmail: voter.email });
  });
}
