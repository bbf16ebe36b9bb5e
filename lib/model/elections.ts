/**
 * Owner elections: the fixed value lists and the shapes a ballot takes. Pure: the
 * database, the actions and the pages all read them from here.
 *
 * Secrecy is a property of the data, not of the code that reads it: a ballot is a set of
 * choices with a random id and nothing else (no ownership, user, token or time); the roll
 * records only that and when an ownership voted, and by which channel; a receipt code is
 * stored apart from both.
 */

/** draft: being written, editable; open: the roll is written and ballots are accepted until closesAt; closed: counted, waiting for an admin; certified: results published. */
export const electionStatuses = ["draft", "open", "closed", "certified"] as const;
export type ElectionStatus = (typeof electionStatuses)[number];

/** Who is on the roll: ownerships approved on or before the record date, optionally only those not behind on equity. */
export const electionEligibilities = ["approved", "approved_paid_up"] as const;
export type ElectionEligibility = (typeof electionEligibilities)[number];

/** A quorum is a number of ownerships that voted, or a percentage of the roll. */
export const quorumKinds = ["count", "percent"] as const;
export type QuorumKind = (typeof quorumKinds)[number];

/** Who may cast an ownership's one vote: its primary owner, or any adult on it (the first counts). */
export const electionVoters = ["primary", "any_adult"] as const;
export type ElectionVoters = (typeof electionVoters)[number];

/** How a race lists its candidates: by name, or in a fresh random order on each ballot. */
export const candidateOrders = ["alphabetical", "shuffled"] as const;
export type CandidateOrder = (typeof candidateOrders)[number];

/** How an ownership's vote reached the count. */
export const voteChannels = ["online", "paper"] as const;
export type VoteChannel = (typeof voteChannels)[number];

export const measureAnswers = ["yes", "no", "abstain"] as const;
export type MeasureAnswer = (typeof measureAnswers)[number];

export const ELECTION_TITLE_MAX = 120;
export const CANDIDATE_NAME_MAX = 120;
export const STATEMENT_MAX = 5_000;
export const MEASURE_TEXT_MAX = 50_000;
export const WRITE_IN_MAX = 120;
export const ELECTION_DESCRIPTION_MAX = 20_000;
/** Limits on a ballot's size, so that it stays readable on a phone and on paper. */
export const SEATS_MAX = 25;
export const RACES_MAX = 20;
export const CANDIDATES_MAX = 50;
export const MEASURES_MAX = 20;
/** Reminders to ownerships that have not voted go out at most this often. */
export const REMINDER_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** The ballot as voters see it: what a cast ballot is checked against. */
export type BallotDefinition = {
  races: { id: number; title: string; seats: number; writeIn: boolean; candidates: { id: number; name: string }[] }[];
  measures: { id: number; title: string }[];
};

/**
 * One cast ballot's choices, as stored (JSON) and as counted. A race may get fewer marks
 * than seats (an undervote) and a measure no answer; both are valid.
 */
export type BallotChoices = {
  races: Record<string, { candidates: number[]; writeIns: string[] }>;
  measures: Record<string, MeasureAnswer>;
};

/** Totals a paper batch adds: per race, per candidate id (and write-in names); per measure, per answer. */
export type PaperTotals = {
  ballots: number;
  races: Record<string, { candidates: Record<string, number>; writeIns: Record<string, number> }>;
  measures: Record<string, Partial<Record<MeasureAnswer, number>>>;
};

/**
 * Ownerships that must vote for the result to stand. A percentage rounds up, so a quorum
 * of 10% of 25 ownerships is 3: rounding down would let fewer than the bylaws ask decide.
 */
export function quorumNeeded(rollSize: number, kind: QuorumKind, value: number): number {
  if (kind === "count") return value;
  // Percentages such as 33.3 are not exact in binary, so 1000 × 33.3 comes out a hair above
  // 33300; rounding to a thousandth of a vote first keeps that hair from adding a whole vote.
  return Math.ceil(Math.round(rollSize * value * 1000) / 100_000);
}

export function quorumMet(votedCount: number, needed: number): boolean {
  return votedCount >= needed;
}
