import fc from "fast-check";
import { checkBallot, choicesFromForm, orderCandidates, type BallotDraft } from "@/lib/model/election-ballots";
import { tallyElection, type ElectionResults } from "@/lib/model/election-tally";
import { quorumMet, quorumNeeded, type BallotChoices, type BallotDefinition, type MeasureAnswer, type PaperTotals, type QuorumKind } from "@/lib/model/elections";
import { formatReceiptCode, normaliseReceiptCode } from "@/lib/model/receipt-codes";

/** One seed, so CI sees the same elections each run; ELECTION_SEED explores others. */
const SEED = Number(process.env.ELECTION_SEED ?? 20261206);
const RUNS = 1000;

const board: BallotDefinition = {
  races: [
    {
      id: 1,
      title: "Board of directors",
      seats: 3,
      writeIn: true,
      candidates: [
        { id: 11, name: "Rosa Díaz" },
        { id: 12, name: "Ben Okafor" },
        { id: 13, name: "ana Lima" },
        { id: 14, name: "Chen Wei" },
      ],
    },
    { id: 2, title: "Treasurer", seats: 1, writeIn: false, candidates: [{ id: 21, name: "Dara Quinn" }, { id: 22, name: "Eli Moss" }] },
  ],
  measures: [{ id: 5, title: "Bylaw amendment: patronage refunds" }],
};

function refusal(result: ReturnType<typeof checkBallot>) {
  return result.ok ? "accepted" : { reason: result.reason, raceId: result.raceId, measureId: result.measureId };
}

describe("checkBallot", () => {
  it("returns the one stored form: ids as numbers and sorted, write-ins tidied and sorted, blank ones gone, every race present", () => {
    const result = checkBallot(board, { races: { "1": { candidates: ["14", 11], writeIns: ["  Zed   Park ", "", "   "] } }, measures: { "5": "yes" } });
    expect(result).toEqual({
      ok: true,
      choices: { races: { "1": { candidates: [11, 14], writeIns: ["Zed Park"] }, "2": { candidates: [], writeIns: [] } }, measures: { "5": "yes" } },
    });
    expect(checkBallot(board, { races: { "1": { candidates: [12], writeIns: ["Zed Park", "Ada Moss"] } } })).toMatchObject({ choices: { races: { "1": { writeIns: ["Ada Moss", "Zed Park"] } } } });
  });

  it("accepts a blank ballot, an undervote and a measure left blank", () => {
    expect(checkBallot(board, {})).toEqual({ ok: true, choices: { races: { "1": { candidates: [], writeIns: [] }, "2": { candidates: [], writeIns: [] } }, measures: {} } });
    expect(checkBallot(board, { races: { "2": { candidates: [22] } }, measures: { "5": "" } })).toMatchObject({ ok: true, choices: { measures: {} } });
  });

  it.each<[string, BallotDraft, ReturnType<typeof refusal>]>([
    ["more marks than seats", { races: { "2": { candidates: [21, 22] } } }, { reason: "over_vote", raceId: 2, measureId: undefined }],
    ["write-ins that push a race past its seats", { races: { "1": { candidates: [11, 12], writeIns: ["Zed Park", "Ada Moss"] } } }, { reason: "over_vote", raceId: 1, measureId: undefined }],
    ["a candidate of another race", { races: { "2": { candidates: [11] } } }, { reason: "unknown_candidate", raceId: 2, measureId: undefined }],
    ["an id spelled with a leading zero", { races: { "2": { candidates: ["021"] } } }, { reason: "unknown_candidate", raceId: 2, measureId: undefined }],
    ["an id that is not a number", { races: { "2": { candidates: ["Eli Moss"] } } }, { reason: "unknown_candidate", raceId: 2, measureId: undefined }],
    ["one candidate marked twice", { races: { "1": { candidates: [11, "11"] } } }, { reason: "duplicate_choice", raceId: 1, measureId: undefined }],
    ["one write-in twice, spelled apart", { races: { "1": { writeIns: ["Zed Park", " zed  PARK"] } } }, { reason: "duplicate_choice", raceId: 1, measureId: undefined }],
    ["a write-in naming a candidate already marked", { races: { "1": { candidates: [13], writeIns: ["Ana lima"] } } }, { reason: "duplicate_choice", raceId: 1, measureId: undefined }],
    ["a write-in where the race takes none", { races: { "2": { writeIns: ["Zed Park"] } } }, { reason: "write_in_not_allowed", raceId: 2, measureId: undefined }],
    ["a write-in of 121 characters", { races: { "1": { writeIns: ["é".repeat(121)] } } }, { reason: "write_in_too_long", raceId: 1, measureId: undefined }],
    ["a write-in with a control character", { races: { "1": { writeIns: ["Dee\u0000Dill"] } } }, { reason: "write_in_control_characters", raceId: 1, measureId: undefined }],
    ["a write-in with a vertical tab", { races: { "1": { writeIns: ["Dee\u000bDill"] } } }, { reason: "write_in_control_characters", raceId: 1, measureId: undefined }],
    ["a race not on the ballot", { races: { "9": { candidates: [] } } }, { reason: "unknown_race", raceId: 9, measureId: undefined }],
    ["a race key that is no id", { races: { abc: { candidates: [] } } }, { reason: "unknown_race", raceId: undefined, measureId: undefined }],
    ["a measure not on the ballot", { measures: { "6": "yes" } }, { reason: "unknown_measure", raceId: undefined, measureId: 6 }],
    ["an answer other than yes, no or abstain", { measures: { "5": "YES" } }, { reason: "bad_answer", raceId: undefined, measureId: 5 }],
  ])("refuses %s", (_, draft, expected) => {
    expect(refusal(checkBallot(board, draft))).toEqual(expected);
  });

  it("takes a write-in of exactly the longest length, counted in characters", () => {
    expect(checkBallot(board, { races: { "1": { writeIns: ["é".repeat(120)] } } }).ok).toBe(true);
  });
});

describe("choicesFromForm", () => {
  it("reads the ballot a form without JavaScript posts, passing over fields that are not the ballot's", () => {
    const entries: [string, string][] = [
      ["$ACTION_ID_4f2a", ""],
      ["token", "abc"],
      ["race-1", "12"],
      ["race-1", "13"],
      ["race-1-write-in", "  Zed Park "],
      ["race-1-write-in", ""],
      ["race-2", "22"],
      ["race-abc", "1"],
      ["measure-5", "no"],
    ];
    expect(choicesFromForm(board, entries)).toEqual({
      ok: true,
      choices: { races: { "1": { candidates: [12, 13], writeIns: ["Zed Park"] }, "2": { candidates: [22], writeIns: [] } }, measures: { "5": "no" } },
    });
  });

  it.each<[string, [string, string][], ReturnType<typeof refusal>]>([
    ["a candidate value that is no id", [["race-1", "Ben Okafor"]], { reason: "unknown_candidate", raceId: 1, measureId: undefined }],
    ["a checkbox posted twice", [["race-2", "21"], ["race-2", "21"]], { reason: "duplicate_choice", raceId: 2, measureId: undefined }],
    ["too many boxes ticked", [["race-2", "21"], ["race-2", "22"]], { reason: "over_vote", raceId: 2, measureId: undefined }],
    ["a race field for a race not on the ballot", [["race-7", "11"]], { reason: "unknown_race", raceId: 7, measureId: undefined }],
    ["a measure answered maybe", [["measure-5", "maybe"]], { reason: "bad_answer", raceId: undefined, measureId: 5 }],
    ["a measure answered twice, differently", [["measure-5", "yes"], ["measure-5", "no"]], { reason: "bad_answer", raceId: undefined, measureId: 5 }],
    ["a write-in field where the race takes none", [["race-2-write-in", "Zed Park"]], { reason: "write_in_not_allowed", raceId: 2, measureId: undefined }],
  ])("refuses %s", (_, entries, expected) => {
    expect(refusal(choicesFromForm(board, entries))).toEqual(expected);
  });
});

describe("orderCandidates", () => {
  const race = board.races[0]!;

  it("lists by name as an English reader sorts, whatever the case or accents", () => {
    expect(orderCandidates(race, "alphabetical", () => 0).map((candidate) => candidate.name)).toEqual(["ana Lima", "Ben Okafor", "Chen Wei", "Rosa Díaz"]);
  });

  it("shuffles with the random source it is given, without touching the race", () => {
    const before = [...race.candidates];
    expect(orderCandidates(race, "shuffled", () => 0.999999).map((candidate) => candidate.id)).toEqual([11, 12, 13, 14]);
    expect(orderCandidates(race, "shuffled", () => 0).map((candidate) => candidate.id)).toEqual([12, 13, 14, 11]);
    expect(race.candidates).toEqual(before);
  });

  it("puts each candidate first about equally often", () => {
    const random = mulberry32(SEED);
    const first = new Map<number, number>();
    for (let run = 0; run < 8000; run++) {
      const id = orderCandidates(race, "shuffled", random)[0]!.id;
      first.set(id, (first.get(id) ?? 0) + 1);
    }
    for (const candidate of race.candidates) expect(Math.abs((first.get(candidate.id) ?? 0) - 2000)).toBeLessThan(200);
  });
});

describe("quorum", () => {
  it.each<[number, QuorumKind, number, number]>([
    [120, "count", 30, 30],
    [0, "count", 30, 30],
    [25, "percent", 10, 3],
    [200, "percent", 10, 20],
    [1000, "percent", 33.3, 333],
    [1001, "percent", 33.3, 334],
    [0, "percent", 50, 0],
    [7, "percent", 100, 7],
  ])("a roll of %p with a quorum of %p %p needs %p", (rollSize, kind, value, needed) => {
    expect(quorumNeeded(rollSize, kind, value)).toBe(needed);
  });

  it("is met at the number needed, not below it", () => {
    expect([quorumMet(29, 30), quorumMet(30, 30), quorumMet(0, 0)]).toEqual([false, true, true]);
  });
});

describe("receipt codes", () => {
  const bytes = fc.uint8Array({ minLength: 10, maxLength: 10 });

  it("spell 80 bits as four groups of four Crockford characters, every bit kept", () => {
    expect(formatReceiptCode(new Uint8Array(10))).toBe("0000-0000-0000-0000");
    expect(formatReceiptCode(new Uint8Array(10).fill(255))).toBe("ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    fc.assert(
      fc.property(bytes, (input) => {
        const code = formatReceiptCode(input);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
        const value = [...code.replace(/-/g, "")].reduce((sum, character) => sum * 32n + BigInt("0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(character)), 0n);
        expect(value).toBe(input.reduce((sum, byte) => sum * 256n + BigInt(byte), 0n));
      }),
      { seed: SEED },
    );
  });

  it("refuses any other number of bytes", () => {
    expect(() => formatReceiptCode(new Uint8Array(8))).toThrow(RangeError);
  });

  it("read back as typed: any case, spaces or dashes, O for 0, I and L for 1", () => {
    expect(normaliseReceiptCode(" 7kq2 m9xd-4htr pb3w ")).toBe("7KQ2-M9XD-4HTR-PB3W");
    expect(normaliseReceiptCode("O1LI-0000-0000-0000")).toBe("0111-0000-0000-0000");
    fc.assert(
      fc.property(bytes, (input) => {
        const code = formatReceiptCode(input);
        return normaliseReceiptCode(code) === code && normaliseReceiptCode(code.toLowerCase().replace(/-/g, " ")) === code;
      }),
      { seed: SEED },
    );
  });

  it.each(["", "7KQ2-M9XD-4HTR-PB3", "7KQ2-M9XD-4HTR-PB3WX", "7KQ2-M9XD-4HTR-PB3U", "7KQ2_M9XD_4HTR_PB3W", "7KQ2-M9XD-4HTR-PB3!"])("finds no code in %p", (text) => {
    expect(normaliseReceiptCode(text)).toBeNull();
  });
});

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const noPaper: PaperTotals[] = [];
const roll = { size: 10, voted: 4 };
const quorum = { kind: "count" as const, value: 3 };
const ballot = (race: Record<string, number[] | string[]>): BallotChoices => ({
  races: Object.fromEntries(
    Object.entries(race).map(([id, marks]) => [id, { candidates: marks.filter((mark) => typeof mark === "number"), writeIns: marks.filter((mark) => typeof mark === "string") }]),
  ),
  measures: {},
});
const raceOf = (results: ElectionResults) => results.races[0]!;
const names = (lines: { name: string }[]) => lines.map((line) => line.name);
function oneRace(seats: number, candidateNames: string[]): BallotDefinition {
  return { races: [{ id: 1, title: "Board", seats, writeIn: true, candidates: candidateNames.map((name, index) => ({ id: index + 1, name })) }], measures: [] };
}
const times = (count: number, choices: BallotChoices) => Array.from({ length: count }, () => choices);

describe("tallyElection: ties are flagged, never broken", () => {
  it("leaves the last seat open when two share its total across the cut", () => {
    const race = raceOf(tallyElection(oneRace(2, ["Ana", "Ben", "Cy"]), [...times(5, ballot({ "1": [1] })), ...times(3, ballot({ "1": [2] })), ...times(3, ballot({ "1": [3] }))], noPaper, roll, quorum));
    expect({ elected: names(race.elected), tie: race.tie, tiedAt: race.tiedAt, seatsInTie: race.seatsInTie }).toEqual({ elected: ["Ana"], tie: true, tiedAt: ["Ben", "Cy"], seatsInTie: 1 });
  });

  it("sees a tie made by adding paper to online", () => {
    const paper: PaperTotals[] = [{ ballots: 1, races: { "1": { candidates: { "2": 1 }, writeIns: {} } }, measures: {} }];
    const race = raceOf(tallyElection(oneRace(1, ["Ana", "Ben"]), [ballot({ "1": [1] })], paper, roll, quorum));
    expect({ elected: race.elected, tie: race.tie, tiedAt: race.tiedAt, seatsInTie: race.seatsInTie }).toEqual({ elected: [], tie: true, tiedAt: ["Ana", "Ben"], seatsInTie: 1 });
  });

  it("sees a write-in, however it was spelled, tie with a listed candidate", () => {
    const ballots = [ballot({ "1": [1] }), ballot({ "1": [1] }), ballot({ "1": ["dana smith"] }), ballot({ "1": ["Dana Smith"] }), ballot({ "1": [2] })];
    const paper: PaperTotals[] = [{ ballots: 1, races: { "1": { candidates: {}, writeIns: { "  DANA   smith ": 0, "Dana Smith": 1 } } }, measures: {} }];
    const race = raceOf(tallyElection(oneRace(2, ["Ana", "Ben"]), ballots, paper, roll, quorum));
    expect(race.candidates.map(({ name, writeIn, online, paper: onPaper, total }) => [name, writeIn, online, onPaper, total])).toEqual([
      ["Dana Smith", true, 2, 1, 3],
      ["Ana", false, 2, 0, 2],
      ["Ben", false, 1, 0, 1],
    ]);
    expect({ elected: names(race.elected), tie: race.tie }).toEqual({ elected: ["Dana Smith", "Ana"], tie: false });
  });

  it("flags no tie inside the cut, none at zero votes, and elects nobody on no votes", () => {
    const inside = raceOf(tallyElection(oneRace(3, ["Ana", "Ben", "Cy", "Di"]), [ballot({ "1": [1, 2, 3] }), ballot({ "1": [1, 2, 3, 4] })], noPaper, roll, quorum));
    expect({ elected: names(inside.elected), tie: inside.tie, tiedAt: inside.tiedAt }).toEqual({ elected: ["Ana", "Ben", "Cy"], tie: false, tiedAt: [] });
    const none = raceOf(tallyElection(oneRace(1, ["Ana", "Ben"]), [ballot({ "1": [] })], noPaper, roll, quorum));
    expect({ elected: none.elected, tie: none.tie }).toEqual({ elected: [], tie: false });
    const few = raceOf(tallyElection(oneRace(3, ["Ana", "Ben"]), [ballot({ "1": [1, 2] })], noPaper, roll, quorum));
    expect({ elected: names(few.elected), tie: few.tie }).toEqual({ elected: ["Ana", "Ben"], tie: false });
  });

  it("refuses to count a vote for someone not in the race rather than drop it", () => {
    expect(() => tallyElection(oneRace(1, ["Ana"]), [ballot({ "1": [9] })], noPaper, roll, quorum)).toThrow(RangeError);
    expect(() => tallyElection(oneRace(1, ["Ana"]), [ballot({ "4": [1] })], noPaper, roll, quorum)).toThrow(RangeError);
  });

  it("reports turnout as a share of the roll, 0 for an empty roll, and quorum against it", () => {
    const results = tallyElection(oneRace(1, ["Ana"]), [], noPaper, { size: 0, voted: 0 }, { kind: "percent", value: 10 });
    expect({ turnout: results.turnout, quorum: results.quorum }).toEqual({ turnout: { rollSize: 0, voted: 0, fraction: 0 }, quorum: { kind: "percent", value: 10, needed: 0, met: true } });
  });
});

// The property below checks the tally against a count written the plainest way: loops and maps.

const candidatePool = ["Ana Lima", "ben okafor", "Chen Wei", "Dara Quinn", "Émile Roy", "Zoë Park", "Fay Ortiz", "gus hall"];
const writeInPool = ["Dana Smith", "  dana   smith ", "DANA SMITH", "Zoë Park", "Zoe\u0308 park", "Ana Lima", "ana  lima", "Yuki Tan"];
const answers: MeasureAnswer[] = ["yes", "no", "abstain"];

const definitionArb: fc.Arbitrary<BallotDefinition> = fc
  .record({
    races: fc.array(
      fc.record({ seats: fc.integer({ min: 1, max: 3 }), writeIn: fc.boolean(), names: fc.uniqueArray(fc.constantFrom(...candidatePool), { minLength: 1, maxLength: 6 }) }),
      { minLength: 1, maxLength: 3 },
    ),
    measures: fc.integer({ min: 0, max: 2 }),
    firstId: fc.integer({ min: 1, max: 500 }),
  })
  .map(({ races, measures, firstId }) => ({
    races: races.map((race, index) => ({
      id: firstId + index,
      title: `Race ${index}`,
      seats: race.seats,
      writeIn: race.writeIn,
      candidates: race.names.map((name, position) => ({ id: (firstId + index) * 10 + position, name })),
    })),
    measures: Array.from({ length: measures }, (_, index) => ({ id: firstId + 50 + index, title: `Measure ${index}` })),
  }));

const plainKey = (name: string) => name.normalize("NFC").trim().split(/\s+/).join(" ").toLowerCase();

/** A ballot a voter could cast: some candidates and write-ins, never more than the seats, never one person twice. */
function draftArb(definition: BallotDefinition): fc.Arbitrary<BallotDraft> {
  const races = definition.races.map((race) =>
    fc
      .record({ picked: fc.shuffledSubarray(race.candidates.map((candidate) => candidate.id)), writeIns: race.writeIn ? fc.array(fc.constantFrom(...writeInPool), { maxLength: 3 }) : fc.constant<string[]>([]) })
      .map(({ picked, writeIns }) => {
        const candidates = picked.slice(0, race.seats);
        const taken = new Set(candidates.map((id) => plainKey(race.candidates.find((candidate) => candidate.id === id)!.name)));
        const kept = writeIns.filter((name) => !taken.has(plainKey(name)) && taken.add(plainKey(name))).slice(0, race.seats - candidates.length);
        return [String(race.id), { candidates: candidates.map(String), writeIns: kept }] as const;
      }),
  );
  const measures = definition.measures.map((measure) => fc.constantFrom("", ...answers).map((answer) => [String(measure.id), answer] as const));
  return fc.record({ races: fc.tuple(...races), measures: fc.tuple(...measures) }).map(({ races: marked, measures: answered }) => ({ races: Object.fromEntries(marked), measures: Object.fromEntries(answered) }));
}

function paperArb(definition: BallotDefinition): fc.Arbitrary<PaperTotals> {
  const votes = fc.integer({ min: 0, max: 3 });
  const races = definition.races.map((race) =>
    fc
      .record({
        candidates: fc.tuple(...race.candidates.map(() => votes)),
        writeIns: race.writeIn ? fc.dictionary(fc.constantFrom(...writeInPool), votes, { maxKeys: 3 }) : fc.constant({}),
      })
      .map(({ candidates, writeIns }) => [String(race.id), { candidates: Object.fromEntries(race.candidates.map((candidate, index) => [String(candidate.id), candidates[index]!])), writeIns }] as const),
  );
  const measures = definition.measures.map((measure) =>
    fc.record({ yes: votes, no: votes, abstain: votes }, { requiredKeys: [] }).map((counts) => [String(measure.id), counts] as const),
  );
  return fc
    .record({ ballots: fc.integer({ min: 0, max: 20 }), races: fc.tuple(...races), measures: fc.tuple(...measures) })
    .map(({ ballots, races: marked, measures: counted }) => ({ ballots, races: Object.fromEntries(marked), measures: Object.fromEntries(counted) }));
}

const electionArb = definitionArb.chain((definition) =>
  fc.record({
    definition: fc.constant(definition),
    drafts: fc.array(draftArb(definition), { maxLength: 15 }),
    paper: fc.array(paperArb(definition), { maxLength: 3 }),
    roll: fc.integer({ min: 0, max: 200 }).chain((size) => fc.record({ size: fc.constant(size), voted: fc.integer({ min: 0, max: size }) })),
    quorum: fc.oneof(
      fc.record({ kind: fc.constant("count" as const), value: fc.integer({ min: 0, max: 100 }) }),
      fc.integer({ min: 0, max: 1000 }).map((tenths) => ({ kind: "percent" as const, value: tenths / 10 })),
    ),
  }),
);

type Counted = { online: number; paper: number; spellings: Map<string, number> };

/** Each race counted with plain loops: a line per listed candidate id and per write-in person, then who is in, out or tied. */
function plainCount(race: BallotDefinition["races"][number], ballots: BallotChoices[], paper: PaperTotals[]) {
  const lines = new Map<string, Counted>();
  for (const candidate of race.candidates) lines.set(`listed ${candidate.id}`, { online: 0, paper: 0, spellings: new Map() });
  const line = (key: string) => {
    if (!lines.has(key)) lines.set(key, { online: 0, paper: 0, spellings: new Map() });
    return lines.get(key)!;
  };
  const spelled = (counted: Counted, name: string, votes: number) => {
    const tidy = name.trim().split(/\s+/).join(" ");
    counted.spellings.set(tidy, (counted.spellings.get(tidy) ?? 0) + votes);
  };
  for (const cast of ballots) {
    const marks = cast.races[String(race.id)]!;
    for (const id of marks.candidates) line(`listed ${id}`).online += 1;
    for (const name of marks.writeIns) {
      line(`write-in ${plainKey(name)}`).online += 1;
      spelled(line(`write-in ${plainKey(name)}`), name, 1);
    }
  }
  for (const batch of paper) {
    const marks = batch.races[String(race.id)]!;
    for (const id in marks.candidates) line(`listed ${id}`).paper += marks.candidates[id]!;
    for (const name in marks.writeIns) {
      line(`write-in ${plainKey(name)}`).paper += marks.writeIns[name]!;
      spelled(line(`write-in ${plainKey(name)}`), name, marks.writeIns[name]!);
    }
  }
  for (const [key, counted] of lines) if (key.startsWith("write-in") && counted.online + counted.paper === 0) lines.delete(key);

  const totals = [...lines.values()].map((counted) => counted.online + counted.paper);
  const standing = new Map<string, "elected" | "tied" | "out">();
  for (const [key, counted] of lines) {
    const total = counted.online + counted.paper;
    const above = totals.filter((other) => other > total).length;
    const level = totals.filter((other) => other === total).length;
    standing.set(key, total === 0 || above >= race.seats ? "out" : above + level <= race.seats ? "elected" : "tied");
  }
  return { lines, standing };
}

describe("tallyElection", () => {
  it("equals a plain count of random ballots and paper batches, whatever order they come in", () => {
    fc.assert(
      fc.property(electionArb, fc.integer(), ({ definition, drafts, paper, roll: theRoll, quorum: theQuorum }, shuffleSeed) => {
        const ballots = drafts.map((draft) => {
          const checked = checkBallot(definition, draft);
          if (!checked.ok) throw new Error(`a valid ballot was refused: ${checked.reason}`);
          return checked.choices;
        });
        const results = tallyElection(definition, ballots, paper, theRoll, theQuorum);

        definition.races.forEach((race, index) => {
          const result = results.races[index]!;
          const { lines, standing } = plainCount(race, ballots, paper);
          const keyOf = (row: (typeof result.candidates)[number]) => (row.writeIn ? `write-in ${plainKey(row.name)}` : `listed ${row.candidateId}`);
          expect(Object.fromEntries(result.candidates.map((row) => [keyOf(row), [row.online, row.paper, row.total]]))).toEqual(
            Object.fromEntries([...lines].map(([key, counted]) => [key, [counted.online, counted.paper, counted.online + counted.paper]])),
          );
          for (const row of result.candidates.filter((candidate) => candidate.writeIn)) {
            const spellings = lines.get(keyOf(row))!.spellings;
            expect(spellings.get(row.name)).toBe(Math.max(...spellings.values()));
          }
          result.candidates.slice(1).forEach((row, at) => {
            const before = result.candidates[at]!;
            expect(before.total > row.total || (before.total === row.total && before.name.localeCompare(row.name, "en") <= 0)).toBe(true);
          });
          const having = (state: string) => result.candidates.filter((row) => standing.get(keyOf(row)) === state);
          expect(result.elected).toEqual(having("elected"));
          expect(result.tiedAt).toEqual(names(having("tied")));
          expect(result.tie).toBe(having("tied").length > 0);
          expect(result.seatsInTie).toBe(result.tie ? race.seats - having("elected").length : 0);
        });

        definition.measures.forEach((measure, index) => {
          for (const answer of answers) {
            let online = 0;
            let onPaper = 0;
            for (const cast of ballots) if (cast.measures[String(measure.id)] === answer) online += 1;
            for (const batch of paper) onPaper += batch.measures[String(measure.id)]?.[answer] ?? 0;
            expect(results.measures[index]!.answers[answer]).toEqual({ online, paper: onPaper, total: online + onPaper });
          }
        });

        let paperBallots = 0;
        for (const batch of paper) paperBallots += batch.ballots;
        expect(results.ballots).toEqual({ online: ballots.length, paper: paperBallots, total: ballots.length + paperBallots });
        expect(results.turnout.fraction).toBe(theRoll.size === 0 ? 0 : theRoll.voted / theRoll.size);
        let needed = theQuorum.value;
        if (theQuorum.kind === "percent") needed = Math.floor((theRoll.size * Math.round(theQuorum.value * 10) + 999) / 1000);
        expect(results.quorum).toEqual({ ...theQuorum, needed, met: theRoll.voted >= needed });

        const random = mulberry32(shuffleSeed);
        const reordered = ballots.map((cast) => [random(), cast] as const).sort(([a], [b]) => a - b).map(([, cast]) => cast);
        expect(tallyElection(definition, reordered, [...paper].reverse(), theRoll, theQuorum)).toEqual(results);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
