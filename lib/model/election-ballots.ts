import { measureAnswers, WRITE_IN_MAX, type BallotChoices, type BallotDefinition, type CandidateOrder, type MeasureAnswer } from "./elections";

/** Why a cast ballot was refused; nothing is written for a refused ballot. */
export type BallotRefusal =
  | "over_vote"
  | "unknown_candidate"
  | "duplicate_choice"
  | "write_in_not_allowed"
  | "write_in_too_long"
  | "write_in_control_characters"
  | "unknown_race"
  | "unknown_measure"
  | "bad_answer";

/** The words a voter reads for each refusal; a refusal without words does not compile. */
export const ballotRefusalWords: Readonly<Record<BallotRefusal, string>> = {
  over_vote: "This race has more choices marked than it has seats. Unmark some, then cast your ballot again.",
  unknown_candidate: "One of the choices is not a candidate in this race. Reload the ballot and choose again.",
  duplicate_choice: "The same person is chosen twice in this race. Choose each person once.",
  write_in_not_allowed: "This race does not take write-in names. Choose from the candidates listed.",
  write_in_too_long: `A write-in name can be at most ${WRITE_IN_MAX} characters.`,
  write_in_control_characters: "Remove the invisible control characters from the write-in name (they may have come with a copy and paste).",
  unknown_race: "The ballot names a race that is not in this election. Reload the ballot and choose again.",
  unknown_measure: "The ballot names a measure that is not in this election. Reload the ballot and choose again.",
  bad_answer: "A measure can be answered yes, no or abstain, or left blank.",
};

export type BallotCheck =
  | { ok: true; choices: BallotChoices }
  | { ok: false; reason: BallotRefusal; raceId?: number; measureId?: number };

/**
 * Choices as they arrive from a request, before checking: ids may be strings, write-ins
 * untrimmed, a measure answer anything. A checked BallotChoices fits this shape too.
 */
export type BallotDraft = {
  races?: Record<string, { candidates?: readonly (number | string)[]; writeIns?: readonly string[] } | undefined>;
  measures?: Record<string, string | undefined>;
};

/** The key two write-ins share when they name the same person: trimmed, spaces collapsed, case ignored. */
export function writeInKey(name: string): string {
  return tidyWriteIn(name).normalize("NFC").toLowerCase();
}

/** A write-in as it is stored and shown: trimmed, runs of spaces made one. */
export function tidyWriteIn(name: string): string {
  return name.trim().replace(/\s+/g, " ");
}

/**
 * Control characters other than tab and line breaks, which every text field of the portal
 * refuses (lib/validations/fields.ts): a write-in is shown on the results page and in the
 * staff CSV, where a NUL or an escape has no business.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Whether a write-in as typed holds one (checked before tidying, which would turn a vertical tab into a space). */
export const hasControlCharacters = (name: string) => CONTROL_CHARACTERS.test(name);

/** An id as the form or JSON spells it; "07" or "1e1" is not the race 7 or 10 a voter was shown. */
function idFrom(value: number | string): number | null {
  const id = typeof value === "number" ? value : /^(0|[1-9]\d{0,15})$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(id) ? id : null;
}

/** A refusal that names the race or measure at fault when its key is an id at all. */
function refusedAt(reason: BallotRefusal, field: "raceId" | "measureId", key: string): BallotCheck {
  const id = idFrom(key);
  if (id === null) return { ok: false, reason };
  return field === "raceId" ? { ok: false, reason, raceId: id } : { ok: false, reason, measureId: id };
}

/**
 * Checks a ballot against its definition and returns it in the one form it is stored in.
 * Candidate ids and write-ins are sorted, so the stored ballot cannot echo the shuffled order
 * its voter saw nor the order they clicked in, and every race of the definition is present,
 * so a stored ballot's shape tells nothing about which races its voter skipped. Undervotes
 * and blank measures are valid.
 */
export function checkBallot(definition: BallotDefinition, draft: BallotDraft): BallotCheck {
  const races = new Map(definition.races.map((race) => [String(race.id), race]));
  const measures = new Map(definition.measures.map((measure) => [String(measure.id), measure]));
  const strayRace = Object.keys(draft.races ?? {}).find((key) => !races.has(key));
  if (strayRace !== undefined) return refusedAt("unknown_race", "raceId", strayRace);
  const strayMeasure = Object.keys(draft.measures ?? {}).find((key) => !measures.has(key));
  if (strayMeasure !== undefined) return refusedAt("unknown_measure", "measureId", strayMeasure);

  const choices: BallotChoices = { races: {}, measures: {} };
  for (const race of definition.races) {
    const marked = draft.races?.[String(race.id)];
    const refuse = (reason: BallotRefusal): BallotCheck => ({ ok: false, reason, raceId: race.id });
    const listed = new Map(race.candidates.map((candidate) => [candidate.id, candidate]));
    const candidates: number[] = [];
    for (const value of marked?.candidates ?? []) {
      const id = idFrom(value);
      if (id === null || !listed.has(id)) return refuse("unknown_candidate");
      if (candidates.includes(id)) return refuse("duplicate_choice");
      candidates.push(id);
    }
    const writeIns: string[] = [];
    // A write-in naming someone already marked in the race would count one voter twice for them.
    const named = new Set(candidates.map((id) => writeInKey(listed.get(id)!.name)));
    for (const value of marked?.writeIns ?? []) {
      const name = tidyWriteIn(value);
      if (name === "") continue;
      if (!race.writeIn) return refuse("write_in_not_allowed");
      if ([...name].length > WRITE_IN_MAX) return refuse("write_in_too_long");
      // Read before tidying, which would turn a vertical tab or a form feed into a space.
      if (hasControlCharacters(value)) return refuse("write_in_control_characters");
      if (named.has(writeInKey(name))) return refuse("duplicate_choice");
      named.add(writeInKey(name));
      writeIns.push(name);
    }
    if (candidates.length + writeIns.length > race.seats) return refuse("over_vote");
    choices.races[String(race.id)] = { candidates: candidates.sort((a, b) => a - b), writeIns: writeIns.sort() };
  }
  for (const measure of definition.measures) {
    const answer = draft.measures?.[String(measure.id)];
    if (answer === undefined || answer === "") continue;
    if (!(measureAnswers as readonly string[]).includes(answer)) return { ok: false, reason: "bad_answer", measureId: measure.id };
    choices.measures[String(measure.id)] = answer as MeasureAnswer;
  }
  return { ok: true, choices };
}

/**
 * Reads the ballot a plain HTML form posts (checkboxes `race-<id>` with candidate ids, text
 * fields `race-<id>-write-in`, radios `measure-<id>`), so voting works without JavaScript, and
 * checks it. Fields of other names (the form's token, Next's own) are not the ballot's and are
 * passed over; a ballot field with a value the ballot never offered is refused.
 */
export function choicesFromForm(definition: BallotDefinition, entries: readonly (readonly [string, string])[]): BallotCheck {
  const races: Record<string, { candidates: string[]; writeIns: string[] }> = {};
  const measures: Record<string, string> = {};
  const race = (id: string) => (races[id] ??= { candidates: [], writeIns: [] });
  for (const [name, value] of entries) {
    const field = /^(race|measure)-(\d+)(-write-in)?$/.exec(name);
    if (!field) continue;
    const [, kind, id, writeIn] = field as unknown as [string, "race" | "measure", string, string | undefined];
    if (kind === "race" && writeIn) race(id).writeIns.push(value);
    else if (kind === "race" && value !== "") race(id).candidates.push(value);
    else if (kind === "measure" && !writeIn) {
      // A radio group posts one value; two different ones are a form nobody was shown.
      if (measures[id] !== undefined && measures[id] !== value) return refusedAt("bad_answer", "measureId", id);
      measures[id] = value;
    }
  }
  return checkBallot(definition, { races, measures });
}

/**
 * A race's candidates in the order one ballot shows them. Shuffled ballots spread the
 * advantage of being listed first; the random source comes from the caller (node:crypto on
 * the server) so this stays pure and tests can replay an order.
 */
export function orderCandidates<C extends { id: number; name: string }>(
  race: { candidates: readonly C[] },
  order: CandidateOrder,
  random: () => number,
): C[] {
  const candidates = [...race.candidates];
  if (order === "alphabetical") return candidates.sort((a, b) => a.name.localeCompare(b.name, "en") || a.id - b.id);
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  return candidates;
}
