import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { saveBallotLink } from "@/db/queries/election-ballots";
import { writeElectionRoll } from "@/db/queries/election-roll";
import { getElectionById } from "@/db/queries/elections";
import { auditLog, electionCandidates, electionMeasures, electionRaces, electionRoll, elections, emailOutbox, ownerHouseholdMembers, owners, users } from "@/db/schema";
import { castByBallotLink } from "@/lib/elections/cast-ballot";
import { certifyElection, closeDueElections } from "@/lib/elections/close-election";
import { markOwnershipVotedOnPaper, recordPaperBatch } from "@/lib/elections/paper";
import { sendReminders } from "@/lib/elections/reminders";
import { hashLinkToken, newLinkToken } from "@/lib/link-tokens";
import type { ElectionResults } from "@/lib/model/election-tally";
import { REMINDER_INTERVAL_MS } from "@/lib/model/elections";

const opensAt = new Date("2026-12-01T14:00:00Z");
const closesAt = new Date("2026-12-20T23:00:00Z");
const during = new Date("2026-12-10T15:00:00Z");
const after = new Date("2026-12-20T23:00:30Z");

let ownerNumber = 9000;
function ownership() {
  ownerNumber += 1;
  const user = db.insert(users).values({ email: `runner-${ownerNumber}@example.org` }).returning().get();
  const ownerId = db
    .insert(owners)
    .values({ ownerNumber, userId: user.id, name: `Owner ${ownerNumber}`, planId: "full", joinedOn: "2026-01-01", createdAt: new Date("2026-05-01T12:00:00Z") })
    .returning()
    .get().id;
  return { ownerId, userId: user.id, email: user.email };
}

const staff = (() => {
  const user = db.insert(users).values({ email: "running-admin@coop.example", role: "admin" }).returning().get();
  return { id: user.id, email: user.email };
})();

let electionNumber = 0;
/** An open election (roll written) with one race of three for two seats, write-ins allowed, and one measure. */
function openElection() {
  electionNumber += 1;
  const { id, slug } = db
    .insert(elections)
    .values({ slug: `running-${electionNumber}`, title: `Board ${electionNumber}`, opensAt, closesAt, recordDate: "2026-06-30", quorumKind: "count", quorumValue: 2 })
    .returning()
    .get();
  const race = db.insert(electionRaces).values({ electionId: id, position: 1, title: "Board", seats: 2, writeIn: true }).returning().get();
  const candidates = ["Ada", "Ben", "Cy"].map((name, position) => db.insert(electionCandidates).values({ raceId: race.id, position, name }).returning().get().id);
  const measure = db.insert(electionMeasures).values({ electionId: id, position: 1, title: "Bylaw", text: "Text." }).returning().get();
  db.transaction((tx) => writeElectionRoll(tx, id, { recordDate: "2026-06-30", eligibility: "approved", now: opensAt }), { behavior: "immediate" });
  return { id, slug, raceId: race.id, candidates, measureId: measure.id };
}
type Election = ReturnType<typeof openElection>;

function castOnline(election: Election, ownerId: number, candidates: number[], answer: string) {
  const token = newLinkToken();
  db.transaction((tx) => saveBallotLink(tx, election.id, ownerId, hashLinkToken(token), closesAt), { behavior: "immediate" });
  const entries: [string, string][] = [...candidates.map((id): [string, string] => [`race-${election.raceId}`, String(id)]), [`measure-${election.measureId}`, answer]];
  expect(castByBallotLink(token, { entries }, during)).toMatchObject({ ok: true });
}

const results = (electionId: number) => getElectionById(db, electionId)!.resultsJson as ElectionResults;
const line = (election: Election, candidateIndex: number) => results(election.id).races[0]!.candidates.find((candidate) => candidate.candidateId === election.candidates[candidateIndex]);
const outboxCount = () => db.select({ n: sql<number>`coalesce(max(${emailOutbox.id}), 0)` }).from(emailOutbox).get()!.n;

describe("closing", () => {
  it("closes an election whose window has ended, with online ballots and paper batches counted; one still in its window stays open", () => {
    const voters = [ownership(), ownership(), ownership()];
    const ended = openElection();
    const running = db
      .insert(elections)
      .values({ slug: "still-open", title: "Still open", opensAt, closesAt: new Date(after.getTime() + 3_600_000), recordDate: "2026-06-30", quorumKind: "count", quorumValue: 1, status: "open" })
      .returning()
      .get();
    castOnline(ended, voters[0]!.ownerId, [ended.candidates[0]!, ended.candidates[1]!], "yes");
    castOnline(ended, voters[1]!.ownerId, [ended.candidates[0]!], "no");
    expect(markOwnershipVotedOnPaper({ electionId: ended.id, ownerId: voters[2]!.ownerId, now: during, markedBy: staff })).toEqual({ ok: true });
    const batch = { races: { [ended.raceId]: { candidates: { [ended.candidates[2]!]: 1 }, writeIns: {} } }, measures: { [ended.measureId]: { yes: 1 } } };
    expect(recordPaperBatch({ electionId: ended.id, enteredBy: staff, ballots: 1, totals: batch, now: during })).toMatchObject({ ok: true });
    expect(getElectionById(db, ended.id)!.resultsJson).toBeNull();

    expect(closeDueElections(after)).toEqual([ended.id]);
    expect(getElectionById(db, ended.id)!.status).toBe("closed");
    expect(getElectionById(db, running.id)!.status).toBe("open");
    expect(line(ended, 0)).toMatchObject({ online: 2, paper: 0, total: 2 });
    expect(line(ended, 2)).toMatchObject({ online: 0, paper: 1, total: 1 });
    expect(results(ended.id).measures[0]!.answers).toMatchObject({ yes: { online: 1, paper: 1, total: 2 }, no: { total: 1 } });
    expect(results(ended.id).turnout.voted).toBe(3);
    expect(results(ended.id).quorum).toMatchObject({ needed: 2, met: true });
    // A second pass finds nothing more to close.
    expect(closeDueElections(after)).toEqual([]);
  });

  it("counts a paper batch entered after the close into the stored results; a paper mark is refused once closed", () => {
    const voter = ownership();
    const election = openElection();
    closeDueElections(after);
    expect(line(election, 1)!.total).toBe(0);
    const batch = { races: { [election.raceId]: { candidates: { [election.candidates[1]!]: 2 }, writeIns: { "Dee Dill": 1 } } }, measures: {} };
    expect(recordPaperBatch({ electionId: election.id, enteredBy: staff, ballots: 2, totals: batch, now: after })).toMatchObject({ ok: true });
    expect(line(election, 1)).toMatchObject({ paper: 2, total: 2 });
    expect(results(election.id).races[0]!.candidates.find((candidate) => candidate.writeIn)).toMatchObject({ name: "Dee Dill", paper: 1 });
    expect(results(election.id).ballots).toEqual({ online: 0, paper: 2, total: 2 });
    expect(markOwnershipVotedOnPaper({ electionId: election.id, ownerId: voter.ownerId, now: after, markedBy: staff })).toEqual({ ok: false, reason: "election_closed" });
  });
});

describe("certifying", () => {
  it("refuses an open election, then certifies a closed one with who and when, audited, and emails only the owners who asked", () => {
    const asked = ownership();
    const silent = ownership();
    const askedMember = db.insert(users).values({ email: `member-asked-${ownerNumber}@example.org`, electionResultsEmail: true }).returning().get();
    db.insert(ownerHouseholdMembers).values({ ownerId: silent.ownerId, name: "Member", email: askedMember.email, userId: askedMember.id, joinedAt: opensAt }).run();
    const notOwner = db.insert(users).values({ email: `not-an-owner-${ownerNumber}@example.org`, electionResultsEmail: true }).returning().get();
    db.update(users).set({ electionResultsEmail: true }).where(eq(users.id, asked.userId)).run();
    const election = openElection();
    expect(certifyElection(election.id, staff, during)).toEqual({ ok: false, reason: "not_closed" });

    closeDueElections(after);
    const mailBefore = outboxCount();
    const certified = certifyElection(election.id, staff, after);
    expect(certified).toMatchObject({ ok: true });
    expect(getElectionById(db, election.id)).toMatchObject({ status: "certified", certifiedAt: after, certifiedBy: staff.id });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "election.certify")).all().at(-1)!;
    expect(audit).toMatchObject({ actorEmail: staff.email, subjectId: String(election.id), detail: { ballots: 0 } });
    const sentTo = db.select({ to: emailOutbox.to }).from(emailOutbox).where(sql`${emailOutbox.id} > ${mailBefore}`).all().map((row) => row.to);
    expect(sentTo).toEqual(expect.arrayContaining([asked.email, askedMember.email]));
    expect(sentTo).not.toContain(silent.email);
    expect(sentTo).not.toContain(notOwner.email);

    expect(certifyElection(election.id, staff, after)).toEqual({ ok: false, reason: "already_certified" });
    const late = { races: {}, measures: { [election.measureId]: { yes: 1 } } };
    expect(recordPaperBatch({ electionId: election.id, enteredBy: staff, ballots: 1, totals: late, now: after })).toEqual({ ok: false, reason: "election_closed" });
  });
});

describe("reminders", () => {
  it("emails a fresh ballot link to each ownership that has not voted and is on the roll, once a day at most", () => {
    const voted = ownership();
    const waiting = ownership();
    const removed = ownership();
    const election = openElection();
    const oldToken = newLinkToken();
    db.transaction((tx) => saveBallotLink(tx, election.id, waiting.ownerId, hashLinkToken(oldToken), closesAt), { behavior: "immediate" });
    castOnline(election, voted.ownerId, [election.candidates[0]!], "yes");
    db.update(electionRoll).set({ removedAt: during, removedReason: "Moved away" }).where(eq(electionRoll.ownerId, removed.ownerId)).run();

    const before = outboxCount();
    const sent = sendReminders(election.id, staff, during);
    expect(sent).toMatchObject({ ok: true });
    const mail = db.select().from(emailOutbox).where(sql`${emailOutbox.id} > ${before}`).all();
    const recipients = mail.map((message) => message.to);
    expect(recipients).toContain(waiting.email);
    expect(recipients).not.toContain(voted.email);
    expect(recipients).not.toContain(removed.email);
    const reminder = mail.find((message) => message.to === waiting.email)!;
    expect(reminder.redactAfter).toEqual(closesAt);
    const token = /token=([0-9a-f]+)/.exec(reminder.text)![1]!;
    // The link in the earlier email still works beside the fresh one: the first used casts the vote, the other is told so.
    expect(castByBallotLink(oldToken, { entries: [[`measure-${election.measureId}`, "no"]] }, during)).toMatchObject({ ok: true });
    expect(castByBallotLink(token, { entries: [[`measure-${election.measureId}`, "yes"]] }, during)).toMatchObject({ ok: false, reason: "already_voted", channel: "online" });

    const soon = new Date(during.getTime() + REMINDER_INTERVAL_MS - 1);
    const outboxBefore = outboxCount();
    expect(sendReminders(election.id, staff, soon)).toEqual({ ok: false, reason: "too_soon", nextAt: new Date(during.getTime() + REMINDER_INTERVAL_MS) });
    expect(outboxCount()).toBe(outboxBefore);
    expect(sendReminders(election.id, staff, new Date(during.getTime() + REMINDER_INTERVAL_MS))).toMatchObject({ ok: true });
    expect(sendReminders(election.id, staff, after)).toEqual({ ok: false, reason: "election_closed" });
  });
});
