import { checkPaperTotals, paperRefusalWords } from "@/lib/model/election-paper";
import type { BallotDefinition, PaperTotals } from "@/lib/model/elections";

const definition: BallotDefinition = {
  races: [
    { id: 1, title: "Board of directors", seats: 2, writeIn: true, candidates: [{ id: 11, name: "Ada" }, { id: 12, name: "Ben" }, { id: 13, name: "Cleo" }] },
    { id: 2, title: "Treasurer", seats: 1, writeIn: false, candidates: [{ id: 21, name: "Dee" }] },
  ],
  measures: [{ id: 5, title: "Bylaw amendment" }],
};

const batch = (over: Partial<PaperTotals> = {}): PaperTotals => ({
  ballots: 10,
  races: { "1": { candidates: { "11": 6, "12": 7, "13": 5 }, writeIns: { "Eve Park": 2 } }, "2": { candidates: { "21": 9 }, writeIns: {} } },
  measures: { "5": { yes: 6, no: 3, abstain: 1 } },
  ...over,
});

describe("checkPaperTotals", () => {
  it("takes a batch whose totals fit its ballots, undervotes and blank measures included", () => {
    expect(checkPaperTotals(definition, batch())).toEqual({ ok: true });
    expect(checkPaperTotals(definition, batch({ races: {}, measures: { "5": { yes: 2 } } }))).toEqual({ ok: true });
    // Exactly ballots × seats marks, and every ballot marking the same person: the most a batch can hold.
    expect(checkPaperTotals(definition, batch({ races: { "1": { candidates: { "11": 10, "12": 10 }, writeIns: {} } } }))).toEqual({ ok: true });
  });

  it("refuses a batch without a whole, positive number of ballots", () => {
    for (const ballots of [0, -1, 2.5, Number.NaN, "10" as unknown as number]) {
      expect(checkPaperTotals(definition, batch({ ballots }))).toEqual({ ok: false, reason: "bad_ballot_count" });
    }
  });

  it("refuses unknown races, candidates and measures, naming the one at fault", () => {
    expect(checkPaperTotals(definition, batch({ races: { "9": { candidates: {}, writeIns: {} } } }))).toEqual({ ok: false, reason: "unknown_race", raceId: 9 });
    expect(checkPaperTotals(definition, batch({ races: { "01": { candidates: {}, writeIns: {} } } }))).toEqual({ ok: false, reason: "unknown_race" });
    // A candidate of another race is not a candidate of this one.
    expect(checkPaperTotals(definition, batch({ races: { "1": { candidates: { "21": 1 }, writeIns: {} } } }))).toEqual({ ok: false, reason: "unknown_candidate", raceId: 1, candidateId: 21 });
    expect(checkPaperTotals(definition, batch({ measures: { "6": { yes: 1 } } }))).toEqual({ ok: false, reason: "unknown_measure", measureId: 6 });
    expect(checkPaperTotals(definition, batch({ measures: { "5": { maybe: 1 } as never } }))).toEqual({ ok: false, reason: "bad_answer", measureId: 5 });
  });

  it("refuses negative, fractional or non-numeric counts", () => {
    for (const votes of [-1, 1.5, Number.POSITIVE_INFINITY, "3" as unknown as number, null as unknown as number]) {
      expect(checkPaperTotals(definition, batch({ races: { "1": { candidates: { "11": votes }, writeIns: {} } } }))).toMatchObject({ ok: false, reason: "bad_count", raceId: 1 });
      expect(checkPaperTotals(definition, batch({ races: { "1": { candidates: {}, writeIns: { Eve: votes } } } }))).toMatchObject({ ok: false, reason: "bad_count", raceId: 1 });
      expect(checkPaperTotals(definition, batch({ measures: { "5": { no: votes } } }))).toEqual({ ok: false, reason: "bad_count", measureId: 5 });
    }
  });

  it("refuses write-ins where the race takes none, and blank or overlong names", () => {
    expect(checkPaperTotals(definition, batch({ races: { "2": { candidates: {}, writeIns: { Eve: 1 } } } }))).toEqual({ ok: false, reason: "write_in_not_allowed", raceId: 2 });
    // A name listed with no votes adds nothing, so it is no write-in to refuse.
    expect(checkPaperTotals(definition, batch({ races: { "2": { candidates: {}, writeIns: { Eve: 0 } } } }))).toEqual({ ok: true });
    expect(checkPaperTotals(definition, batch({ races: { "1": { candidates: {}, writeIns: { "   ": 1 } } } }))).toEqual({ ok: false, reason: "bad_write_in", raceId: 1 });
    expect(checkPaperTotals(definition, batch({ races: { "1": { candidates: {}, writeIns: { ["x".repeat(121)]: 1 } } } }))).toEqual({ ok: false, reason: "bad_write_in", raceId: 1 });
    expect(checkPaperTotals(definition, batch({ races: { "1": { candidates: {}, writeIns: { "Dee\u0007Dill": 1 } } } }))).toEqual({ ok: false, reason: "bad_write_in", raceId: 1 });
  });

  it("refuses more marks than the ballots allow: per person, and per race beyond ballots × seats", () => {
    expect(checkPaperTotals(definition, batch({ races: { "1": { candidates: { "11": 11 }, writeIns: {} } } }))).toEqual({ ok: false, reason: "too_many_marks", raceId: 1, candidateId: 11 });
    expect(checkPaperTotals(definition, batch({ races: { "1": { candidates: {}, writeIns: { Eve: 11 } } } }))).toEqual({ ok: false, reason: "too_many_marks", raceId: 1 });
    expect(checkPaperTotals(definition, batch({ races: { "1": { candidates: { "11": 8, "12": 8 }, writeIns: { Eve: 5 } } } }))).toEqual({ ok: false, reason: "too_many_marks", raceId: 1 });
    expect(checkPaperTotals(definition, batch({ races: { "2": { candidates: { "21": 11 }, writeIns: {} } } }))).toEqual({ ok: false, reason: "too_many_marks", raceId: 2, candidateId: 21 });
  });

  it("refuses a measure with more answers than ballots", () => {
    expect(checkPaperTotals(definition, batch({ measures: { "5": { yes: 6, no: 4, abstain: 1 } } }))).toEqual({ ok: false, reason: "too_many_answers", measureId: 5 });
  });

  it("has words for staff for every refusal", () => {
    for (const words of Object.values(paperRefusalWords)) expect(words).toMatch(/^[A-Z].*\.$/);
  });
});
