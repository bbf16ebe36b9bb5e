import { tidyWriteIn, writeInKey } from "./election-ballots";
import {
  measureAnswers,
  quorumMet,
  quorumNeeded,
  type BallotChoices,
  type BallotDefinition,
  type MeasureAnswer,
  type PaperTotals,
  type QuorumKind,
} from "./elections";

export type VoteCount = { online: number; paper: number; total: number };

/** One line of a race's results: a listed candidate (with its id) or a write-in name (id null). */
export type CandidateResult = VoteCount & { candidateId: number | null; name: string; writeIn: boolean };

export type RaceResult = {
  raceId: number;
  title: string;
  seats: number;
  /** Most votes first, then by name; listed candidates with no votes are still here. */
  candidates: CandidateResult[];
  /** Only those whose seat no tie can take away; a tie for the last seats leaves them out. */
  elected: CandidateResult[];
  /** Whether the last seats' total is shared with someone below the cut: the board's own rule decides, not the count. */
  tie: boolean;
  /** Everyone on the shared total, above and below the cut (empty without a tie). */
  tiedAt: string[];
  /** Seats the tie decides: seats − elected.length when tie, else 0. */
  seatsInTie: number;
};

export type MeasureResult = { measureId: number; title: string; answers: Record<MeasureAnswer, VoteCount> };

export type ElectionResults = {
  races: RaceResult[];
  measures: MeasureResult[];
  ballots: VoteCount;
  /** Ownerships on the roll, those the roll marks as voted (either channel), and their share (0 for an empty roll). */
  turnout: { rollSize: number; voted: number; fraction: number };
  quorum: { kind: QuorumKind; value: number; needed: number; met: boolean };
};

function count(online: number, paper: number): VoteCount {
  return { online, paper, total: online + paper };
}

type Line = { candidateId: number | null; name?: string; online: number; paper: number; spellings: Map<string, number> };

/**
 * A write-in's shown name is its most-written spelling, ties going to the first in code-unit
 * order: the ballots' stored order is random, so "the first one seen" would differ per count.
 */
function shownSpelling(spellings: Map<string, number>): string {
  return [...spellings].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))[0]![0];
}

function raceResult(race: BallotDefinition["races"][number], ballots: readonly BallotChoices[], paper: readonly PaperTotals[]): RaceResult {
  const key = String(race.id);
  const listedLines = new Map<string, Line>(
    race.candidates.map((candidate) => [String(candidate.id), { candidateId: candidate.id, name: candidate.name, online: 0, paper: 0, spellings: new Map() }]),
  );
  const writeInLines = new Map<string, Line>();
  const listed = (id: number | string) => {
    const line = listedLines.get(String(id));
    // A count that skipped a vote would be wrong without a sound; ballots and batches are checked on entry, so this is a bug.
    if (!line) throw new RangeError(`A vote names candidate ${id}, who is not in race ${race.id}.`);
    return line;
  };
  const writeIn = (name: string, votes: number) => {
    const tidy = tidyWriteIn(name);
    const line = writeInLines.get(writeInKey(tidy)) ?? { candidateId: null, online: 0, paper: 0, spellings: new Map<string, number>() };
    writeInLines.set(writeInKey(tidy), line);
    line.spellings.set(tidy, (line.spellings.get(tidy) ?? 0) + votes);
    return line;
  };
  for (const ballot of ballots) {
    const marks = ballot.races[key];
    for (const id of marks?.candidates ?? []) listed(id).online += 1;
    for (const name of marks?.writeIns ?? []) writeIn(name, 1).online += 1;
  }
  for (const batch of paper) {
    const marks = batch.races[key];
    for (const [id, votes] of Object.entries(marks?.candidates ?? {})) listed(id).paper += votes;
    for (const [name, votes] of Object.entries(marks?.writeIns ?? {})) writeIn(name, votes).paper += votes;
  }

  // A batch may list a write-in with no votes; a name nobody voted for is no line of the results.
  const voted = [...writeInLines.values()].filter((line) => line.online + line.paper > 0);
  const candidates: CandidateResult[] = [...listedLines.values(), ...voted]
    .map((line) => ({ candidateId: line.candidateId, name: line.name ?? shownSpelling(line.spellings), writeIn: line.candidateId === null, ...count(line.online, line.paper) }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, "en") || Number(a.writeIn) - Number(b.writeIn) || (a.candidateId ?? 0) - (b.candidateId ?? 0));

  // Nobody is elected on no votes, and a shared total of zero is no tie to settle.
  const last = candidates[race.seats - 1];
  const next = candidates[race.seats];
  const tie = last !== undefined && next !== undefined && last.total > 0 && last.total === next.total;
  const cut = tie ? last.total : 0;
  const elected = candidates.slice(0, race.seats).filter((line) => line.total > cut);
  return {
    raceId: race.id,
    title: race.title,
    seats: race.seats,
    candidates,
    elected,
    tie,
    tiedAt: tie ? candidates.filter((line) => line.total === cut).map((line) => line.name) : [],
    seatsInTie: tie ? race.seats - elected.length : 0,
  };
}

function measureResult(measure: BallotDefinition["measures"][number], ballots: readonly BallotChoices[], paper: readonly PaperTotals[]): MeasureResult {
  const key = String(measure.id);
  const answers = Object.fromEntries(
    measureAnswers.map((answer) => {
      const online = ballots.filter((ballot) => ballot.measures[key] === answer).length;
      const onPaper = paper.reduce((sum, batch) => sum + (batch.measures[key]?.[answer] ?? 0), 0);
      return [answer, count(online, onPaper)];
    }),
  ) as Record<MeasureAnswer, VoteCount>;
  return { measureId: measure.id, title: measure.title, answers };
}

/**
 * The results of an election: online ballots and paper batches added per choice, turnout
 * from the roll, and quorum. Deterministic for the same ballots in any order, so a recount
 * gives the same page. Ties for the last seats are flagged, never broken: bylaws settle them.
 */
export function tallyElection(
  definition: BallotDefinition,
  ballots: readonly BallotChoices[],
  paper: readonly PaperTotals[],
  roll: { size: number; voted: number },
  quorum: { kind: QuorumKind; value: number },
): ElectionResults {
  const races = new Set(definition.races.map((race) => String(race.id)));
  const measures = new Set(definition.measures.map((measure) => String(measure.id)));
  for (const entry of [...ballots, ...paper]) {
    const stray = Object.keys(entry.races).find((key) => !races.has(key)) ?? Object.keys(entry.measures).find((key) => !measures.has(key));
    if (stray !== undefined) throw new RangeError(`A ballot or batch names race or measure ${stray}, which is not in this election.`);
  }
  const needed = quorumNeeded(roll.size, quorum.kind, quorum.value);
  return {
    races: definition.races.map((race) => raceResult(race, ballots, paper)),
    measures: definition.measures.map((measure) => measureResult(measure, ballots, paper)),
    ballots: count(ballots.length, paper.reduce((sum, batch) => sum + batch.ballots, 0)),
    turnout: { rollSize: roll.size, voted: roll.voted, fraction: roll.size === 0 ? 0 : roll.voted / roll.size },
    quorum: { kind: quorum.kind, value: quorum.value, needed, met: quorumMet(roll.voted, needed) },
  };
}
