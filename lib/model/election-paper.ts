import { hasControlCharacters, tidyWriteIn } from "./election-ballots";
import { measureAnswers, WRITE_IN_MAX, type BallotDefinition, type PaperTotals } from "./elections";

/** Why a batch of paper totals was refused; nothing is written for a refused batch. */
export type PaperRefusal =
  | "bad_ballot_count"
  | "bad_count"
  | "unknown_race"
  | "unknown_candidate"
  | "unknown_measure"
  | "bad_answer"
  | "write_in_not_allowed"
  | "bad_write_in"
  | "too_many_marks"
  | "too_many_answers";

/** The words staff read for each refusal; a refusal without words does not compile. */
export const paperRefusalWords: Readonly<Record<PaperRefusal, string>> = {
  bad_ballot_count: "Enter how many paper ballots the batch holds, as a whole number of at least 1.",
  bad_count: "Every total must be a whole number, 0 or more.",
  unknown_race: "The batch names a race that is not in this election. Reload the page and enter the batch again.",
  unknown_candidate: "The batch names a candidate who is not in this race. Reload the page and enter the batch again.",
  unknown_measure: "The batch names a measure that is not in this election. Reload the page and enter the batch again.",
  bad_answer: "A measure's totals can be for yes, no or abstain only.",
  write_in_not_allowed: "This race does not take write-in names, so write-in totals cannot be entered for it.",
  bad_write_in: `A write-in name must be given, in at most ${WRITE_IN_MAX} characters and without invisible control characters.`,
  too_many_marks: "This race has more marks than the batch's ballots allow (each ballot marks each person at most once, and at most as many people as there are seats). Count the batch again.",
  too_many_answers: "This measure has more answers than the batch has ballots. Count the batch again.",
};

export type PaperCheck = { ok: true } | { ok: false; reason: PaperRefusal; raceId?: number; measureId?: number; candidateId?: number };

/** An id as a totals key spells it; "07" or "1e1" is not the race 7 or 10 staff were shown. */
function idFrom(key: string): number | null {
  return /^(0|[1-9]\d{0,15})$/.test(key) ? Number(key) : null;
}

/** A count as staff may enter one: a whole number, 0 or more (JSON or a form can bring anything). */
function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Checks a counted batch of paper ballots against the ballot, before it is stored: the
 * tally trusts what it adds, so an unknown id or an impossible total must stop here. A
 * batch of n ballots can hold at most n marks per candidate, n × seats marks per race and
 * n answers per measure; fewer is an undervote, which is valid.
 */
export function checkPaperTotals(definition: BallotDefinition, totals: PaperTotals): PaperCheck {
  if (!isCount(totals.ballots) || totals.ballots < 1) return { ok: false, reason: "bad_ballot_count" };
  const ballots = totals.ballots;
  const races = new Map(definition.races.map((race) => [String(race.id), race]));
  const measures = new Map(definition.measures.map((measure) => [String(measure.id), measure]));

  for (const [raceKey, marks] of Object.entries(totals.races ?? {})) {
    const race = races.get(raceKey);
    if (!race) return { ok: false, reason: "unknown_race", ...(idFrom(raceKey) !== null && { raceId: idFrom(raceKey)! }) };
    const refuse = (reason: PaperRefusal, candidateId?: number): PaperCheck => ({ ok: false, reason, raceId: race.id, ...(candidateId !== undefined && { candidateId }) });
    const listed = new Set(race.candidates.map((candidate) => String(candidate.id)));
    let marked = 0;
    for (const [candidateKey, votes] of Object.entries(marks?.candidates ?? {})) {
      if (!listed.has(candidateKey)) return refuse("unknown_candidate", idFrom(candidateKey) ?? undefined);
      if (!isCount(votes)) return refuse("bad_count", Number(candidateKey));
      if (votes > ballots) return refuse("too_many_marks", Number(candidateKey));
      marked += votes;
    }
    for (const [name, votes] of Object.entries(marks?.writeIns ?? {})) {
      if (!isCount(votes)) return refuse("bad_count");
      if (votes === 0) continue;
      if (!race.writeIn) return refuse("write_in_not_allowed");
      const tidy = tidyWriteIn(name);
      if (tidy === "" || [...tidy].length > WRITE_IN_MAX || hasControlCharacters(name)) return refuse("bad_write_in");
      if (votes > ballots) return refuse("too_many_marks");
      marked += votes;
    }
    if (marked > ballots * race.seats) return refuse("too_many_marks");
  }

  for (const [measureKey, answers] of Object.entries(totals.measures ?? {})) {
    const measure = measures.get(measureKey);
    if (!measure) return { ok: false, reason: "unknown_measure", ...(idFrom(measureKey) !== null && { measureId: idFrom(measureKey)! }) };
    let answered = 0;
    for (const [answer, votes] of Object.entries(answers ?? {})) {
      if (!(measureAnswers as readonly string[]).includes(answer)) return { ok: false, reason: "bad_answer", measureId: measure.id };
      if (!isCount(votes)) return { ok: false, reason: "bad_count", measureId: measure.id };
      answered += votes;
    }
    if (answered > ballots) return { ok: false, reason: "too_many_answers", measureId: measure.id };
  }
  return { ok: true };
}
