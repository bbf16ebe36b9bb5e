import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { saveBallotLink } from "@/db/queries/election-ballots";
import { writeElectionRoll } from "@/db/queries/election-roll";
import {
  auditLog,
  electionBallots,
  electionCandidates,
  electionMeasures,
  electionPaperBatches,
  electionRaces,
  electionReceipts,
  electionRoll,
  elections,
  emailOutbox,
  ownerHouseholdMembers,
  owners,
  users,
} from "@/db/schema";
import { castByBallotLink, castOnlineBallot, castSignedIn } from "@/lib/elections/cast-ballot";
import { markOwnershipVotedOnPaper, recordPaperBatch } from "@/lib/elections/paper";
import { hashLinkToken, newLinkToken } from "@/lib/link-tokens";
import type { ElectionVoters } from "@/lib/model/elections";
import { deliverQueuedEmail } from "../helpers/deliver-queued-email";

const opensAt = new Date("2026-12-01T14:00:00Z");
const closesAt = new Date("2026-12-20T23:00:00Z");
const during = new Date("2026-12-10T15:00:00Z");

let ownerNumber = 8000;
/** An ownership approved long before any record date, with its primary owner's account. */
function ownership() {
  ownerNumber += 1;
  const user = db.insert(users).values({ email: `caster-${ownerNumber}@example.org` }).returning().get();
  const ownerId = db
    .insert(owners)
    .values({ ownerNumber, userId: user.id, name: `Owner ${ownerNumber}`, planId: "full", joinedOn: "2026-01-01", createdAt: new Date("2026-05-01T12:00:00Z") })
    .returning()
    .get().id;
  return { ownerId, userId: user.id, email: user.email };
}

/** A household member of `ownerId` who said yes (or only was invited, when `joined` is false). */
function householdMember(ownerId: number, joined = true) {
  ownerNumber += 1;
  const user = db.insert(users).values({ email: `member-${ownerNumber}@example.org` }).returning().get();
  db.insert(ownerHouseholdMembers)
    .values({ ownerId, name: `Member ${ownerNumber}`, email: user.email, userId: joined ? user.id : null, joinedAt: joined ? opensAt : null })
    .run();
  return { userId: user.id, email: user.email };
}

let electionNumber = 0;
const candidateNames = ["Ada Quill", "Ben Sorrel", "Cleo Marsh"];
/** An open election (roll written) with one race of three candidates for two seats, and one measure. */
function openElection(voters: ElectionVoters = "primary") {
  electionNumber += 1;
  const { id, slug, title } = db
    .insert(elections)
    .values({ slug: `casting-${electionNumber}`, title: `Board ${electionNumber}`, opensAt, closesAt, recordDate: "2026-06-30", quorumKind: "count", quorumValue: 1, voters })
    .returning()
    .get();
  const race = db.insert(electionRaces).values({ electionId: id, position: 1, title: "Board of directors", seats: 2 }).returning().get();
  const candidates = candidateNames.map((name, position) => db.insert(electionCandidates).values({ raceId: race.id, position, name }).returning().get().id);
  const measure = db.insert(electionMeasures).values({ electionId: id, position: 1, title: "Bylaw amendment", text: "Article 4 reads…" }).returning().get();
  db.transaction((tx) => writeElectionRoll(tx, id, { recordDate: "2026-06-30", eligibility: "approved", now: opensAt }), { behavior: "immediate" });
  return { id, slug, title, raceId: race.id, candidates, measureId: measure.id };
}
type Election = ReturnType<typeof openElection>;

/** An emailed ballot link for an ownership, as opening the election makes one. */
function ballotLink(electionId: number, ownerId: number, expiresAt = closesAt) {
  const token = newLinkToken();
  db.transaction((tx) => saveBallotLink(tx, electionId, ownerId, hashLinkToken(token), expiresAt), { behavior: "immediate" });
  return token;
}

/** The form a voter posts: candidates by checkbox, the measure by radio. */
const form = (election: Election, candidates: number[], answer = "yes"): [string, string][] => [
  ...candidates.map((id): [string, string] => [`race-${election.raceId}`, String(id)]),
  [`measure-${election.measureId}`, answer],
];

const count = (table: typeof electionBallots | typeof electionReceipts | typeof electionPaperBatches, electionId: number) =>
  db.select({ n: sql<number>`count(*)` }).from(table).where(eq(table.electionId, electionId)).get()!.n;
/** Everything a cast writes, counted: what must not move when a cast is refused. */
const written = (electionId: number) => ({
  ballots: count(electionBallots, electionId),
  receipts: count(electionReceipts, electionId),
  voted: db.select({ n: sql<number>`count(*)` }).from(electionRoll).where(sql`${electionRoll.electionId} = ${electionId} and ${electionRoll.votedAt} is not null`).get()!.n,
  outbox: db.select({ n: sql<number>`count(*)` }).from(emailOutbox).get()!.n,
  audit: db.select({ n: sql<number>`count(*)` }).from(auditLog).get()!.n,
});
const mailTo = (email: string) => db.select().from(emailOutbox).where(eq(emailOutbox.to, email)).all();
const staff = (() => {
  const user = db.insert(users).values({ email: "paper-staff@coop.example", role: "staff" }).returning().get();
  return { id: user.id, email: user.email };
})();

describe("casting through an emailed link", () => {
  it("stores one ballot and one receipt, marks the roll, and emails the code without the choices", () => {
    const voter = ownership();
    const election = openElection();
    const token = ballotLink(election.id, voter.ownerId);
    const before = written(election.id);

    const result = castByBallotLink(token, { entries: form(election, [election.candidates[0]!, election.candidates[2]!], "no") }, during);
    expect(result).toMatchObject({ ok: true, receiptCode: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/) });
    const { receiptCode } = result as { receiptCode: string };

    expect(written(election.id)).toEqual({ ...before, ballots: 1, receipts: 1, voted: 1, outbox: before.outbox + 1 });
    expect(db.select().from(electionRoll).where(eq(electionRoll.ownerId, voter.ownerId)).all()).toEqual([expect.objectContaining({ votedAt: during, channel: "online" })]);
    const [mail] = mailTo(voter.email);
    expect(mail!.subject).toContain(election.title);
    for (const body of [mail!.text, mail!.html]) {
      expect(body).toContain(receiptCode);
      expect(body).toContain(`/elections/${election.slug}#results`);
      for (const name of candidateNames) expect(body).not.toContain(name);
      expect(body).not.toMatch(/\b(yes|no|abstain)\b/i);
    }
    const ballots = db.select().from(electionBallots).where(eq(electionBallots.electionId, election.id)).all();
    expect(JSON.stringify(ballots)).not.toContain(receiptCode);
  });

  it("cannot vote again with a used link: already_voted with when and how, nothing written", () => {
    const voter = ownership();
    const election = openElection();
    const token = ballotLink(election.id, voter.ownerId);
    expect(castByBallotLink(token, { entries: form(election, [election.candidates[0]!]) }, during)).toMatchObject({ ok: true });
    const after = written(election.id);
    const later = new Date(during.getTime() + 60_000);
    expect(castByBallotLink(token, { entries: form(election, [election.candidates[1]!]) }, later)).toEqual({ ok: false, reason: "already_voted", votedAt: during, channel: "online" });
    expect(written(election.id)).toEqual(after);
  });

  it("refuses an unknown, malformed or expired token with one reason, writing nothing", () => {
    const voter = ownership();
    const election = openElection();
    const expired = ballotLink(election.id, voter.ownerId, new Date(during.getTime() - 1));
    const before = written(election.id);
    for (const token of [newLinkToken(), "not-a-token", expired]) {
      expect(castByBallotLink(token, { entries: form(election, [election.candidates[0]!]) }, during)).toEqual({ ok: false, reason: "link_not_valid" });
    }
    expect(written(election.id)).toEqual(before);
  });

  it("refuses an over-vote, an unknown candidate, a duplicate and a closed window with its reason, writing nothing", () => {
    const voter = ownership();
    const election = openElection();
    const token = ballotLink(election.id, voter.ownerId);
    const before = written(election.id);
    const [a, b, c] = election.candidates as [number, number, number];
    expect(castByBallotLink(token, { entries: form(election, [a, b, c]) }, during)).toEqual({ ok: false, reason: "over_vote", raceId: election.raceId });
    expect(castByBallotLink(token, { entries: form(election, [a, 999_999]) }, during)).toEqual({ ok: false, reason: "unknown_candidate", raceId: election.raceId });
    expect(castByBallotLink(token, { entries: form(election, [a, a]) }, during)).toEqual({ ok: false, reason: "duplicate_choice", raceId: election.raceId });
    expect(castByBallotLink(token, { entries: form(election, [a], "maybe") }, during)).toEqual({ ok: false, reason: "bad_answer", measureId: election.measureId });
    expect(castOnlineBallot({ electionId: election.id, ownerId: voter.ownerId, choices: { races: { [election.raceId]: { candidates: [a] } } }, now: new Date(opensAt.getTime() - 1), voterEmail: voter.email })).toEqual({
      ok: false,
      reason: "election_closed",
    });
    expect(castOnlineBallot({ electionId: election.id, ownerId: voter.ownerId, choices: {}, now: closesAt, voterEmail: voter.email })).toEqual({ ok: false, reason: "election_closed" });
    expect(written(election.id)).toEqual(before);
  });

  it("refuses an ownership off the roll, writing nothing", () => {
    const election = openElection();
    const latecomer = ownership();
    const before = written(election.id);
    expect(castOnlineBallot({ electionId: election.id, ownerId: latecomer.ownerId, choices: {}, now: during, voterEmail: latecomer.email })).toEqual({ ok: false, reason: "not_on_roll" });
    expect(written(election.id)).toEqual(before);
  });
});

describe("casting signed in", () => {
  it("refuses a household member when only the primary owner may vote, writing nothing", () => {
    const voter = ownership();
    const member = householdMember(voter.ownerId);
    const election = openElection("primary");
    const before = written(election.id);
    expect(castSignedIn(member.userId, election.id, { entries: form(election, [election.candidates[0]!]) }, during)).toEqual({ ok: false, reason: "not_the_voter" });
    expect(written(election.id)).toEqual(before);
    expect(castSignedIn(voter.userId, election.id, { entries: form(election, [election.candidates[0]!]) }, during)).toMatchObject({ ok: true });
    expect(mailTo(voter.email)).toHaveLength(1);
  });

  it("takes a joined household member's ballot when any adult may vote, then tells the primary owner it was cast", () => {
    const voter = ownership();
    const member = householdMember(voter.ownerId);
    const election = openElection("any_adult");
    expect(castSignedIn(member.userId, election.id, { entries: form(election, [election.candidates[1]!]) }, during)).toMatchObject({ ok: true });
    // The receipt goes to whoever cast.
    expect(mailTo(member.email)).toHaveLength(1);
    const after = written(election.id);
    expect(castSignedIn(voter.userId, election.id, { entries: form(election, [election.candidates[0]!]) }, during)).toEqual({ ok: false, reason: "already_voted", votedAt: during, channel: "online" });
    expect(written(election.id)).toEqual(after);
  });

  it("refuses someone invited but not joined, and someone with no ownership, as no owner", () => {
    const voter = ownership();
    const invited = householdMember(voter.ownerId, false);
    const stranger = db.insert(users).values({ email: "stranger@example.org" }).returning().get();
    const election = openElection("any_adult");
    const before = written(election.id);
    for (const userId of [invited.userId, stranger.id]) {
      expect(castSignedIn(userId, election.id, { entries: form(election, []) }, during)).toEqual({ ok: false, reason: "not_an_owner" });
    }
    expect(written(election.id)).toEqual(before);
  });
});

describe("paper", () => {
  const totals = (election: Election, marks: number) => ({
    races: { [election.raceId]: { candidates: { [election.candidates[0]!]: marks }, writeIns: {} } },
    measures: { [election.measureId]: { yes: 2, no: 1 } },
  });

  it("stores a checked batch, audited with its ballot count only", () => {
    const election = openElection();
    const result = recordPaperBatch({ electionId: election.id, enteredBy: staff, ballots: 3, totals: totals(election, 3), now: during });
    expect(result).toEqual({ ok: true, batchId: expect.any(Number) });
    const [batch] = db.select().from(electionPaperBatches).where(eq(electionPaperBatches.electionId, election.id)).all();
    expect(batch).toMatchObject({ ballots: 3, enteredBy: staff.id, totals: { ballots: 3 } });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "election.paper_batch")).all().at(-1)!;
    expect(audit).toMatchObject({ actorId: staff.id, subjectType: "election", subjectId: String(election.id) });
    // The count only: totals per choice belong to the count, not the log.
    expect(audit.detail).toEqual({ ballots: 3 });
  });

  it("refuses totals the ballots cannot hold, or ids not on the ballot, writing nothing", () => {
    const election = openElection();
    const before = { ...written(election.id), batches: count(electionPaperBatches, election.id) };
    const enter = (ballots: number, batchTotals: ReturnType<typeof totals>) => recordPaperBatch({ electionId: election.id, enteredBy: staff, ballots, totals: batchTotals, now: during });
    expect(enter(3, totals(election, 4))).toEqual({ ok: false, reason: "too_many_marks", raceId: election.raceId, candidateId: election.candidates[0] });
    expect(enter(3, totals(election, -1))).toMatchObject({ ok: false, reason: "bad_count" });
    expect(enter(0, totals(election, 0))).toEqual({ ok: false, reason: "bad_ballot_count" });
    expect(enter(2, totals(election, 1))).toEqual({ ok: false, reason: "too_many_answers", measureId: election.measureId });
    expect(enter(3, { ...totals(election, 1), races: { "999999": { candidates: {}, writeIns: {} } } })).toEqual({ ok: false, reason: "unknown_race", raceId: 999_999 });
    expect(recordPaperBatch({ electionId: 999_999, enteredBy: staff, ballots: 1, totals: { races: {}, measures: {} }, now: during })).toEqual({ ok: false, reason: "election_not_found" });
    expect({ ...written(election.id), batches: count(electionPaperBatches, election.id) }).toEqual(before);
  });

  it("marks an ownership voted on paper, audited; an online ballot after it and a second mark are refused", () => {
    const voter = ownership();
    const election = openElection();
    expect(markOwnershipVotedOnPaper({ electionId: election.id, ownerId: voter.ownerId, now: during, markedBy: staff })).toEqual({ ok: true });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "election.paper_vote")).all().at(-1)!;
    expect(audit).toMatchObject({ actorId: staff.id, subjectType: "election", subjectId: String(election.id) });
    expect(audit.detail).toEqual({ ownerId: voter.ownerId });
    const after = written(election.id);
    const token = ballotLink(election.id, voter.ownerId);
    expect(castByBallotLink(token, { entries: form(election, [election.candidates[0]!]) }, during)).toEqual({ ok: false, reason: "already_voted", votedAt: during, channel: "paper" });
    expect(markOwnershipVotedOnPaper({ electionId: election.id, ownerId: voter.ownerId, now: during, markedBy: staff })).toMatchObject({ ok: false, reason: "already_voted", channel: "paper" });
    expect(written(election.id)).toEqual(after);
  });

  it("refuses a paper mark after an online ballot, with when it was cast", () => {
    const voter = ownership();
    const election = openElection();
    castByBallotLink(ballotLink(election.id, voter.ownerId), { entries: form(election, []) }, during);
    const after = written(election.id);
    expect(markOwnershipVotedOnPaper({ electionId: election.id, ownerId: voter.ownerId, now: during, markedBy: staff })).toEqual({ ok: false, reason: "already_voted", votedAt: during, channel: "online" });
    expect(written(election.id)).toEqual(after);
  });
});

describe("secrecy: the mail and the audit log", () => {
  it("after three owners vote in a known order, no email or audit row holds a ballot id or a chosen name, and no ballot holds a code", async () => {
    const voters = [ownership(), ownership(), ownership()];
    const election = openElection();
    // Each voter chooses a different candidate, so a name in a voter's mail would give their ballot away.
    const codes = voters.map((voter, index) => {
      const result = castByBallotLink(ballotLink(election.id, voter.ownerId), { entries: form(election, [election.candidates[index]!], "abstain") }, new Date(during.getTime() + index * 60_000));
      expect(result.ok).toBe(true);
      return (result as { receiptCode: string }).receiptCode;
    });
    await deliverQueuedEmail();

    const ballots = db.select().from(electionBallots).where(eq(electionBallots.electionId, election.id)).all();
    expect(ballots).toHaveLength(3);
    const ballotText = JSON.stringify(ballots);
    const audit = JSON.stringify(db.select().from(auditLog).all());
    const outbox = db.select().from(emailOutbox).all();
    const outboxFolder = path.join(process.env.DATA_DIR!, "outbox");
    const emlFiles = fs.readdirSync(outboxFolder).map((name) => fs.readFileSync(path.join(outboxFolder, name), "utf8"));
    const allMail = [JSON.stringify(outbox), ...emlFiles].join("\n");

    voters.forEach((voter, index) => {
      const mail = mailTo(voter.email);
      expect(mail).toHaveLength(1);
      // The receipt email names this voter's code, and no ballot row holds it.
      expect(mail[0]!.text).toContain(codes[index]);
      expect(ballotText).not.toContain(codes[index]);
    });
    for (const ballot of ballots) {
      expect(allMail).not.toContain(ballot.id);
      expect(audit).not.toContain(ballot.id);
    }
    for (const name of candidateNames) {
      expect(allMail).not.toContain(name);
      expect(audit).not.toContain(name);
    }
    expect(allMail).not.toMatch(/abstain/i);
  });
});
