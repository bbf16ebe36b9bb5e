import { hasControlCharacters, tidyWriteIn } from "./election-ballots";
import { paperRefusalWords, type PaperCheck } from "./election-paper";
import { PAPER_WRITE_IN_ROWS, paperFieldNames as names } from "./election-running";
import { measureAnswers, type BallotDefinition, type PaperTotals } from "./elections";

type Totals = Omit<PaperTotals, "ballots">;
export type PaperForm = { ok: true; totals: Totals } | { ok: false; fieldErrors: Record<string, string[]> };

/** A total as typed: blank is 0; anything but plain digits is refused at its field. */
function countOf(value: string | undefined): number | null {
  const typed = (value ?? "").trim();
  if (typed === "") return 0;
  return /^\d{1,9}$/.test(typed) ? Number(typed) : null;
}

/**
 * Reads a paper batch form against the ballot it was drawn from: only the fields the page
 * showed are read (anything else posted is ignored), each total must be a whole number,
 * and a write-in with votes needs a name. Per-choice limits are checkPaperTotals' part.
 */
export function paperTotalsFromForm(definition: BallotDefinition, form: Readonly<Record<string, string>>): PaperForm {
  const fieldErrors: Record<string, string[]> = {};
  const read = (field: string) => {
    const count = countOf(form[field]);
    if (count === null) fieldErrors[field] = [paperRefusalWords.bad_count];
    return count ?? 0;
  };
  const totals: Totals = { races: {}, measures: {} };
  for (const race of definition.races) {
    const candidates: Record<string, number> = {};
    for (const candidate of race.candidates) candidates[String(candidate.id)] = read(names.candidate(race.id, candidate.id));
    const writeIns: Record<string, number> = {};
    if (race.writeIn) {
      for (let row = 0; row < PAPER_WRITE_IN_ROWS; row += 1) {
        const votes = read(names.writeInVotes(race.id, row));
        const typed = form[names.writeInName(race.id, row)] ?? "";
        const name = tidyWriteIn(typed);
        if (votes === 0) continue;
        if (name === "" || hasControlCharacters(typed)) fieldErrors[names.writeInName(race.id, row)] = [paperRefusalWords.bad_write_in];
        else writeIns[name] = (writeIns[name] ?? 0) + votes;
      }
    }
    totals.races[String(race.id)] = { candidates, writeIns };
  }
  for (const measure of definition.measures) {
    totals.measures[String(measure.id)] = Object.fromEntries(measureAnswers.map((answer) => [answer, read(names.answer(measure.id, answer))]));
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, totals };
}

/** The field a refused batch is shown at: the candidate's box, else the race's or measure's group, else the ballot count. */
export function paperRefusalField(refusal: Exclude<PaperCheck, { ok: true }>): string {
  if (refusal.reason === "bad_ballot_count") return "ballots";
  if (refusal.raceId !== undefined) return refusal.candidateId !== undefined ? names.candidate(refusal.raceId, refusal.candidateId) : names.race(refusal.raceId);
  if (refusal.measureId !== undefined) return names.measure(refusal.measureId);
  return "ballots";
}
