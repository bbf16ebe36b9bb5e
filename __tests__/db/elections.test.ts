import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { castBallot, addPaperBatch, findBallotLink, saveBallotLink } from "@/db/queries/election-ballots";
import { addToRoll, electionTurnout, isAlreadyVoted, markVotedOnPaper, removeFromRoll, writeElectionRoll, type RollRule } from "@/db/queries/election-roll";
import { getBallotDefinition, getElectionBySlug, listElections } from "@/db/queries/elections";
import type { Tx } from "@/db/queries/executor";
import { electionBallots, electionCandidates, electionMeasures, electionRaces, electionReceipts, electionRoll, elections, owners, users } from "@/db/schema";
import type { BallotChoices } from "@/lib/model/elections";

/** A receipt code as voters read it: four groups of four Crockford base32 characters. */
const receiptCodePattern = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

let ownerNumber = 7000;
/** An ownership approved at `approvedAt` (the moment its row was made). */
function ownership(approvedAt: Date, status: "active" | "inactive" = "active") {
  ownerNumber += 1;
  const user = db.insert(users).values({ email: `voter-${ownerNumber}@example.org` }).returning().get();
  return db
    .insert(owners)
    .values({ ownerNumber, userId: user.id, name: `Owner ${ownerNumber}`, planId: "full", joinedOn: "2026-01-01", status, createdAt: approvedAt })
    .returning()
    .get().id;
}

const opensAt = new Date("2026-12-01T14:00:00Z");
const closesAt = new Date("2026-12-20T23:00:00Z");
const during = new Date("2026-12-10T15:00:00Z");
let electionNumber = 0;

/** A draft election with one race of three candidates for two seats, and one measure. */
function draftElection(recordDate = "2026-06-30") {
  electionNumber += 1;
  const { id } = db
    .insert(elections)
    .values({ slug: `board-${electionNumber}`, title: `Board ${electionNumber}`, opensAt, closesAt, recordDate, quorumKind: "percent", quorumValue: 10 })
    .returning()
    .get();
  const race = db.insert(electionRaces).values({ electionId: id, position: 1, title: "Board of directors", seats: 2 }).returning().get();
  const candidates = ["Ada", "Ben", "Cleo"].map((name, position) => db.insert(electionCandidates).values({ raceId: race.id, position, name }).returning().get().id);
  const measure = db.insert(electionMeasures).values({ electionId: id, position: 1, title: "Bylaw amendment", text: "Article 4 reads…" }).returning().get();
  return { id, raceId: race.id, candidates, measureId: measure.id };
}

const immediately = <T,>(run: (tx: Tx) => T) => db.transaction(run, { behavior: "immediate" });
const open = (electionId: number, rule: Partial<RollRule> = {}) => immediately((tx) => writeElectionRoll(tx, electionId, { recordDate: "2026-06-30", eligibility: "approved", now: opensAt, ...rule }));
const choose = (raceId: number, candidate: number, measureId: number): BallotChoices => ({
  races: { [raceId]: { candidates: [candidate], writeIns: [] } },
  measures: { [measureId]: "yes" },
});
const cast = (electionId: number, ownerId: number, choices: BallotChoices, now = during) => immediately((tx) => castBallot(tx, { electionId, ownerId, choices, now, channel: "online" }));
const rollOf = (electionId: number) =>
  db
    .select({ ownerId: electionRoll.ownerId })
    .from(electionRoll)
    .where(and(eq(electionRoll.electionId, electionId), isNull(electionRoll.removedAt)))
    .all()
    .map((row) => row.ownerId);
/** Everything a vote writes, counted: what must not move when a vote is refused. */
const written = (electionId: number) => ({
  ballots: db.select({ n: sql<number>`count(*)` }).from(electionBallots).where(eq(electionBallots.electionId, electionId)).get()!.n,
  receipts: db.select({ n: sql<number>`count(*)` }).from(electionReceipts).where(eq(electionReceipts.electionId, electionId)).get()!.n,
  turnout: electionTurnout(db, electionId),
});

// Approved long before, late on the record day (store time, EDT), just after it, and an inactive ownership.
const early = ownership(new Date("2026-05-01T12:00:00Z"));
const lateOnRecordDay = ownership(new Date("2026-07-01T03:30:00Z"));
const dayAfter = ownership(new Date("2026-07-01T04:30:00Z"));
const inactive = ownership(new Date("2026-05-01T12:00:00Z"), "inactive");

describe("the roll", () => {
  it("is the active ownerships approved on or before the record date, in store time, and opens the election", () => {
    const election = draftElection();
    expect(open(election.id)).toBeGreaterThanOrEqual(2);
    const roll = rollOf(election.id);
    expect(roll).toEqual(expect.arrayContaining([early, lateOnRecordDay]));
    expect(roll).not.toContain(dayAfter);
    expect(roll).not.toContain(inactive);
    expect(getElectionBySlug(db, `board-${electionNumber}`)).toMatchObject({ status: "open" });
  });

  it("is a snapshot: a later approval and a second opening add nobody", () => {
    const election = draftElection();
    open(election.id);
    const before = rollOf(election.id);
    ownership(new Date("2026-06-01T12:00:00Z"));
    expect(open(election.id)).toBe(0);
    expect(rollOf(election.id)).toEqual(before);
  });

  it("leaves out ownerships behind on equity when only those paid up may vote", () => {
    const election = draftElection();
    open(election.id, { eligibility: "approved_paid_up", behindOwnerIds: new Set([early]) });
    expect(rollOf(election.id)).toContain(lateOnRecordDay);
    expect(rollOf(election.id)).not.toContain(early);
  });

  it("takes an ownership off with a reason and puts it back; refuses twice either way", () => {
    const election = draftElection();
    open(election.id);
    immediately((tx) => removeFromRoll(tx, election.id, early, "Moved away and asked to leave the co-op.", during));
    expect(rollOf(election.id)).not.toContain(early);
    expect(() => immediately((tx) => removeFromRoll(tx, election.id, early, "again", during))).toThrow(expect.objectContaining({ reason: "not_on_roll" }));
    immediately((tx) => addToRoll(tx, election.id, early, during));
    expect(() => immediately((tx) => addToRoll(tx, election.id, early, during))).toThrow(expect.objectContaining({ reason: "already_on_roll" }));
    immediately((tx) => addToRoll(tx, election.id, dayAfter, during));
    expect(rollOf(election.id)).toEqual(expect.arrayContaining([early, dayAfter]));
  });
});

describe("casting a ballot", () => {
  it("counts one vote per ownership: a second cast is refused with when and how, and writes nothing", () => {
    const election = draftElection();
    open(election.id);
    const receipt = cast(election.id, early, choose(election.raceId, election.candidates[0]!, election.measureId));
    expect(receipt).toMatch(receiptCodePattern);
    const after = written(election.id);
    expect(after).toMatchObject({ ballots: 1, receipts: 1, turnout: { voted: 1, online: 1, paper: 0 } });

    let refusal: unknown;
    try {
      cast(election.id, early, choose(election.raceId, election.candidates[1]!, election.measureId));
    } catch (error) {
      refusal = error;
    }
    expect(isAlreadyVoted(refusal)).toBe(true);
    expect(refusal).toMatchObject({ code: "conflict", reason: "already_voted", channel: "online", votedAt: during });
    expect(written(election.id)).toEqual(after);
  });

  it("refuses an ownership not on the roll, or taken off it, writing nothing", () => {
    const election = draftElection();
    open(election.id);
    immediately((tx) => removeFromRoll(tx, election.id, lateOnRecordDay, "Duplicate ownership.", during));
    const before = written(election.id);
    for (const ownerId of [dayAfter, inactive, lateOnRecordDay]) {
      expect(() => cast(election.id, ownerId, choose(election.raceId, election.candidates[0]!, election.measureId))).toThrow(expect.objectContaining({ reason: "not_on_roll" }));
    }
    expect(written(election.id)).toEqual(before);
  });

  it("refuses outside the window and before opening, writing nothing", () => {
    const draft = draftElection();
    expect(() => cast(draft.id, early, choose(draft.raceId, draft.candidates[0]!, draft.measureId))).toThrow(expect.objectContaining({ reason: "election_closed" }));
    const election = draftElection();
    open(election.id);
    const before = written(election.id);
    for (const now of [new Date(opensAt.getTime() - 1), closesAt, new Date(closesAt.getTime() + 60_000)]) {
      expect(() => cast(election.id, early, choose(election.raceId, election.candidates[0]!, election.measureId), now)).toThrow(expect.objectContaining({ reason: "election_closed" }));
    }
    expect(written(election.id)).toEqual(before);
    expect(cast(election.id, early, choose(election.raceId, election.candidates[0]!, election.measureId), opensAt)).toMatch(receiptCodePattern);
  });

  it("and a paper mark exclude each other, both ways", () => {
    const election = draftElection();
    open(election.id);
    cast(election.id, early, choose(election.raceId, election.candidates[0]!, election.measureId));
    expect(() => immediately((tx) => markVotedOnPaper(tx, election.id, early, during))).toThrow(expect.objectContaining({ reason: "already_voted", channel: "online" }));

    immediately((tx) => markVotedOnPaper(tx, election.id, lateOnRecordDay, during));
    const before = written(election.id);
    expect(() => cast(election.id, lateOnRecordDay, choose(election.raceId, election.candidates[1]!, election.measureId))).toThrow(
      expect.objectContaining({ reason: "already_voted", channel: "paper" }),
    );
    expect(() => immediately((tx) => markVotedOnPaper(tx, election.id, lateOnRecordDay, during))).toThrow(expect.objectContaining({ reason: "already_voted", channel: "paper" }));
    expect(written(election.id)).toEqual(before);
    expect(before.turnout).toMatchObject({ voted: 2, online: 1, paper: 1, rollSize: rollOf(election.id).length });
    expect(() => immediately((tx) => removeFromRoll(tx, election.id, early, "too late", during))).toThrow(expect.objectContaining({ reason: "already_voted" }));
  });
});

describe("ballot links", () => {
  it("find the ownership by the token's hash until they expire; a later link (a reminder's) leaves the earlier one working", () => {
    const election = draftElection();
    open(election.id);
    immediately((tx) => saveBallotLink(tx, election.id, early, "a".repeat(64), closesAt));
    expect(findBallotLink(db, "a".repeat(64), during)).toEqual({ electionId: election.id, ownerId: early, expiresAt: closesAt });
    expect(findBallotLink(db, "a".repeat(64), closesAt)).toBeNull();
    immediately((tx) => saveBallotLink(tx, election.id, early, "b".repeat(64), closesAt));
    expect(findBallotLink(db, "a".repeat(64), during)).toMatchObject({ ownerId: early });
    expect(findBallotLink(db, "b".repeat(64), during)).toMatchObject({ ownerId: early });
  });
});

describe("the ballot and paper batches", () => {
  it("read back in order; paper batches are taken once the election is open", () => {
    const election = draftElection();
    expect(getBallotDefinition(db, election.id)).toEqual({
      races: [
        {
          id: election.raceId,
          title: "Board of directors",
          seats: 2,
          writeIn: false,
          candidateOrder: "alphabetical",
          candidates: ["Ada", "Ben", "Cleo"].map((name, index) => ({ id: election.candidates[index], name, statement: "" })),
        },
      ],
      measures: [{ id: election.measureId, title: "Bylaw amendment", text: "Article 4 reads…" }],
    });
    expect(listElections(db, ["draft"]).map((row) => row.id)).toContain(election.id);
    const staff = db.insert(users).values({ email: "election-staff@coop.example", role: "staff" }).returning().get();
    const batch = { electionId: election.id, enteredBy: staff.id, ballots: 2, totals: { ballots: 2, races: {}, measures: {} }, now: during };
    expect(() => immediately((tx) => addPaperBatch(tx, batch))).toThrow(expect.objectContaining({ reason: "election_closed" }));
    open(election.id);
    expect(immediately((tx) => addPaperBatch(tx, batch))).toEqual(expect.any(Number));
  });
});

describe("secrecy", () => {
  it("ballots and receipts hold nothing that names a voter or a time", () => {
    const columns = (table: string) => db.all<{ name: string }>(sql.raw(`pragma table_info(${table})`)).map((column) => column.name);
    expect(columns("election_ballots")).toEqual(["id", "election_id", "choices"]);
    expect(columns("election_receipts")).toEqual(["code", "election_id"]);
    for (const name of [...columns("election_ballots"), ...columns("election_receipts")]) {
      expect(name).not.toMatch(/owner|user|member|token|voter|roll|time|date|_at$/);
    }
  });

  it("after voters cast in a known order, nothing joins a ballot to them, and ballots are not stored in the order of voting", () => {
    const voters = [early, lateOnRecordDay, dayAfter];
    const runs: { electionId: number; votingOrder: number[]; receipts: string[] }[] = [];
    for (let run = 0; run < 20; run += 1) {
      const election = draftElection("2026-07-01");
      open(election.id, { recordDate: "2026-07-01" });
      // Each voter marks a different candidate, so that a ballot's choices say whose it is.
      const receipts = voters.map((ownerId, index) => cast(election.id, ownerId, choose(election.raceId, election.candidates[index]!, election.measureId)));
      runs.push({ electionId: election.id, votingOrder: election.candidates, receipts });
    }

    // Stored order: a scan of the table without ORDER BY reads rows as the file holds them.
    const stored = db.all<{ id: string; election_id: number; choices: string }>(sql`select id, election_id, choices from election_ballots`);
    const markedCandidate = (choices: string) => Object.values((JSON.parse(choices) as BallotChoices).races)[0]!.candidates[0];
    const ballotsInVotingOrder = runs.filter((run) => {
      const order = stored.filter((row) => row.election_id === run.electionId).map((row) => markedCandidate(row.choices));
      expect(order).toHaveLength(3);
      return order.every((candidate, index) => candidate === run.votingOrder[index]);
    });
    // Random ids put three ballots in voting order one time in six: all 20 runs so is (1/6)^20.
    expect(ballotsInVotingOrder.length).toBeLessThan(runs.length);
    // Receipts likewise, or their order would line codes up with the roll's voting times.
    const storedCodes = db.all<{ code: string; election_id: number }>(sql`select code, election_id from election_receipts`);
    const receiptsInVotingOrder = runs.filter((run) => {
      const order = storedCodes.filter((row) => row.election_id === run.electionId).map((row) => row.code);
      return order.every((code, index) => code === run.receipts[index]);
    });
    expect(receiptsInVotingOrder.length).toBeLessThan(runs.length);

    // No table but the ballots holds a ballot id, none but the receipts a receipt code.
    const ballotIds = stored.map((row) => row.id);
    const codes = runs.flatMap((run) => run.receipts);
    const tables = db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).map((row) => row.name);
    for (const table of tables) {
      const contents = JSON.stringify(db.all(sql.raw(`select * from "${table}"`)));
      if (table !== "election_ballots") for (const id of ballotIds) expect(contents).not.toContain(id);
      if (table !== "election_receipts") for (const code of codes) expect(contents).not.toContain(code);
    }
  });
});
