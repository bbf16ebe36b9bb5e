import { checkPaperTotals, paperRefusalWords } from "@/lib/model/election-paper";
import { paperRefusalField, paperTotalsFromForm } from "@/lib/model/election-paper-form";
import type { BallotDefinition } from "@/lib/model/elections";

const ballot: BallotDefinition = {
  races: [{ id: 7, title: "Board", seats: 2, writeIn: true, candidates: [{ id: 70, name: "Ada" }, { id: 71, name: "Ben" }] }],
  measures: [{ id: 9, title: "Bylaw" }],
};

describe("reading a paper batch form", () => {
  it("reads only the fields the page showed, blank as 0, and write-ins by name", () => {
    const read = paperTotalsFromForm(ballot, {
      "race-7-candidate-70": "3",
      "race-7-candidate-71": "",
      "race-7-candidate-99": "5",
      "race-8-candidate-80": "1",
      "race-7-write-in-name-0": "  Dee   Dill ",
      "race-7-write-in-votes-0": "1",
      "race-7-write-in-name-1": "Dee Dill",
      "race-7-write-in-votes-1": "2",
      "race-7-write-in-name-2": "Nobody",
      "race-7-write-in-votes-2": "",
      "measure-9-yes": "2",
      "measure-9-maybe": "4",
    });
    expect(read).toEqual({
      ok: true,
      totals: { races: { "7": { candidates: { "70": 3, "71": 0 }, writeIns: { "Dee Dill": 3 } } }, measures: { "9": { yes: 2, no: 0, abstain: 0 } } },
    });
  });

  it("refuses a total that is not a whole number, and a write-in with votes but no name, at their fields", () => {
    expect(paperTotalsFromForm(ballot, { "race-7-candidate-70": "1.5", "race-7-write-in-votes-1": "2", "measure-9-no": "-1" })).toEqual({
      ok: false,
      fieldErrors: {
        "race-7-candidate-70": [paperRefusalWords.bad_count],
        "race-7-write-in-name-1": [paperRefusalWords.bad_write_in],
        "measure-9-no": [paperRefusalWords.bad_count],
      },
    });
  });

  it("refuses a write-in name with a control character, as typed (tidying would hide a vertical tab)", () => {
    for (const name of ["Dee\u000BDill", "Dee\u0001Dill"]) {
      expect(paperTotalsFromForm(ballot, { "race-7-write-in-votes-0": "1", "race-7-write-in-name-0": name })).toEqual({
        ok: false,
        fieldErrors: { "race-7-write-in-name-0": [paperRefusalWords.bad_write_in] },
      });
    }
  });

  it("puts each refusal of the checks at the field or group that is wrong", () => {
    const field = (totals: Parameters<typeof checkPaperTotals>[1]) => {
      const checked = checkPaperTotals(ballot, totals);
      if (checked.ok) throw new Error("expected a refusal");
      return paperRefusalField(checked);
    };
    expect(field({ ballots: 0, races: {}, measures: {} })).toBe("ballots");
    expect(field({ ballots: 2, races: { "7": { candidates: { "70": 3 }, writeIns: {} } }, measures: {} })).toBe("race-7-candidate-70");
    expect(field({ ballots: 1, races: { "7": { candidates: { "70": 1, "71": 1 }, writeIns: { Dee: 1 } } }, measures: {} })).toBe("race-7");
    expect(field({ ballots: 1, races: {}, measures: { "9": { yes: 1, no: 1 } } })).toBe("measure-9");
  });
});
