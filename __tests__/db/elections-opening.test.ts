import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { getElectionById } from "@/db/queries/elections";
import { electionBallotLinks, electionMeasures, electionRoll, elections, emailOutbox, equityPayments, ownerHouseholdMembers, owners, users } from "@/db/schema";
import { castByBallotLink } from "@/lib/elections/cast-ballot";
import { openDueElections, openElection } from "@/lib/elections/open-election";
import { hashLinkToken } from "@/lib/link-tokens";
import { deliverQueuedEmail } from "../helpers/deliver-queued-email";

const outboxFolder = path.join(process.env.DATA_DIR!, "outbox");
const opensAt = new Date("2026-12-01T14:00:00Z");
const closesAt = new Date("2026-12-20T23:00:00Z");
const full = { id: "full", name: "$100 at once", totalCents: 100_00, firstPaymentCents: 100_00, installmentCents: 0, intervalMonths: 1 };

let ownerNumber = 8000;
/** An active ownership approved in June 2026, its primary owner at `voter-N@example.org`. */
function ownership(paidCents = 100_00) {
  ownerNumber += 1;
  const user = db.insert(users).values({ email: `voter-${ownerNumber}@example.org` }).returning().get();
  const owner = db
    .insert(owners)
    .values({ ownerNumber, userId: user.id, name: `Owner ${ownerNumber}`, planId: "full", equityPlan: full, joinedOn: "2026-06-01", createdAt: new Date("2026-06-01T15:00:00Z") })
    .returning()
    .get();
  if (paidCents > 0) db.insert(equityPayments).values({ ownerId: owner.id, amountCents: paidCents, paidOn: "2026-06-01", method: "cash" }).run();
  return { id: owner.id, email: user.email };
}

let electionNumber = 0;
/** A draft with one measure on its ballot (or none, `empty`). */
function draftElection(values: Partial<typeof elections.$inferInsert> = {}, { empty = false } = {}) {
  electionNumber += 1;
  const id = db
    .insert(elections)
    .values({ slug: `board-${electionNumber}`, title: `Board election ${electionNumber}`, opensAt, closesAt, recordDate: "2026-06-30", quorumKind: "percent", quorumValue: 10, ...values })
    .returning()
    .get().id;
  if (!empty) db.insert(electionMeasures).values({ electionId: id, position: 1, title: "Bylaw amendment", text: "The text." }).run();
  return id;
}

const mailFor = (title: string) => db.select().from(emailOutbox).where(sql`${emailOutbox.subject} = ${`Your ballot: ${title}`}`).orderBy(emailOutbox.id).all();
const tokenIn = (text: string) => /\/elections\/[^/\s]+\/vote\?token=([0-9a-f]{64})/.exec(text)?.[1];
/** Every value of every table, as text: where a secret must not be. */
function everyStoredValue(except: string[] = []) {
  const tables = db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
  return tables
    .filter((table) => !except.includes(table.name))
    .map((table) => `${table.name}: ${JSON.stringify(db.$client.prepare(`select * from "${table.name}"`).all())}`)
    .join("\n");
}
/** The .eml file the outbox wrote for a message, decoded from quoted-printable enough to read its links. */
function emlOf(messageId: string) {
  const name = fs.readdirSync(outboxFolder).find((file) => file.endsWith(".eml") && fs.readFileSync(path.join(outboxFolder, file), "utf8").includes(`Message-ID: ${messageId}`));
  return name ? fs.readFileSync(path.join(outboxFolder, name), "utf8").replace(/=\r?\n/g, "").replace(/=3D/g, "=") : undefined;
}

const voters = [ownership(), ownership(), ownership()];
const late = ownership();
db.update(owners).set({ createdAt: new Date("2026-07-02T15:00:00Z") }).where(eq(owners.id, late.id)).run();

describe("openElection", () => {
  const electionId = draftElection();
  const title = `Board election ${electionNumber}`;

  it("writes the roll and queues exactly one ballot email per ownership on it, each with its own link", async () => {
    expect(openElection(electionId, opensAt)).toEqual({ opened: true, rollSize: 3, emailsQueued: 3 });
    expect(getElectionById(db, electionId)!.status).toBe("open");
    const roll = db.select({ ownerId: electionRoll.ownerId }).from(electionRoll).where(eq(electionRoll.electionId, electionId)).all();
    expect(roll.map((row) => row.ownerId).sort()).toEqual(voters.map((voter) => voter.id).sort());

    await deliverQueuedEmail();
    const mail = mailFor(title);
    expect(mail.map((row) => row.to).sort()).toEqual(voters.map((voter) => voter.email).sort());
    expect(mail.every((row) => row.status === "sent" && row.redactAfter?.getTime() === closesAt.getTime())).toBe(true);

    const links = db.select().from(electionBallotLinks).where(eq(electionBallotLinks.electionId, electionId)).all();
    const tokens = mail.map((row) => {
      const eml = emlOf(row.messageId);
      expect(eml).toBeDefined();
      const token = tokenIn(eml!);
      expect(token).toBe(tokenIn(row.text));
      expect(row.text).toContain(`/elections/board-${electionNumber}/vote?token=`);
      const link = links.find((candidate) => candidate.tokenHash === hashLinkToken(token!));
      // Each link opens its own addressee's ballot, until the close.
      expect(link).toMatchObject({ ownerId: voters.find((voter) => voter.email === row.to)!.id, expiresAt: closesAt });
      return token!;
    });
    expect(new Set(tokens).size).toBe(3);
    // The plain token lives only in the message that carries it (redacted after the close).
    const stored = everyStoredValue(["email_outbox"]);
    for (const token of tokens) expect(stored).not.toContain(token);
    for (const token of tokens) expect(mail.filter((row) => `${row.text}${row.html}`.includes(token))).toHaveLength(1);
  });

  it("gives a link that casts its own ownership's ballot", () => {
    const [message] = mailFor(title);
    const owner = voters.find((voter) => voter.email === message!.to)!;
    expect(castByBallotLink(tokenIn(message!.text)!, { choices: {} }, new Date("2026-12-10T15:00:00Z"))).toMatchObject({ ok: true });
    const voted = db.select().from(electionRoll).where(eq(electionRoll.electionId, electionId)).all().filter((row) => row.votedAt);
    expect(voted).toEqual([expect.objectContaining({ ownerId: owner.id, channel: "online" })]);
  });

  it("says when voting closes, that opening the link casts nothing, and how to vote on paper", () => {
    const text = mailFor(title)[0]!.text;
    expect(text).toContain("Voting closes Dec 20, 2026");
    expect(text).toMatch(/Nothing is cast until you press the button/);
    expect(text).toMatch(/paper ballot at the store/);
  });

  it("sends nothing more when opened again, and keeps the links it gave", () => {
    const links = db.select().from(electionBallotLinks).where(eq(electionBallotLinks.electionId, electionId)).all();
    expect(openElection(electionId, new Date(opensAt.getTime() + 60_000))).toEqual({ opened: false, rollSize: 0, emailsQueued: 0 });
    expect(openDueElections(new Date(opensAt.getTime() + 120_000))).not.toContain(electionId);
    expect(mailFor(title)).toHaveLength(3);
    expect(db.select().from(electionBallotLinks).where(eq(electionBallotLinks.electionId, electionId)).all()).toEqual(links);
  });
});

describe("openElection's roll and addressees", () => {
  it("leaves off ownerships behind on equity at the record date when the election asks for paid-up owners", () => {
    const behind = ownership(0);
    const id = draftElection({ eligibility: "approved_paid_up" });
    expect(openElection(id, opensAt)).toMatchObject({ rollSize: 3, emailsQueued: 3 });
    expect(mailFor(`Board election ${electionNumber}`).map((row) => row.to)).not.toContain(behind.email);
  });

  it("writes only to the primary owner when any adult may vote: household members carry no adult flag", () => {
    db.insert(ownerHouseholdMembers).values({ ownerId: voters[0]!.id, name: "A household member", email: "member@example.org", joinedAt: opensAt }).run();
    const id = draftElection({ voters: "any_adult", eligibility: "approved" });
    openElection(id, opensAt);
    const to = mailFor(`Board election ${electionNumber}`).map((row) => row.to);
    expect(to).toContain(voters[0]!.email);
    expect(to).not.toContain("member@example.org");
  });

  it("refuses a draft whose window has ended, writing nothing", () => {
    const id = draftElection();
    expect(() => openElection(id, closesAt)).toThrow(expect.objectContaining({ reason: "election_closed" }));
    expect(getElectionById(db, id)!.status).toBe("draft");
    expect(db.select().from(electionRoll).where(eq(electionRoll.electionId, id)).all()).toEqual([]);
  });
});

describe("openDueElections", () => {
  it("opens drafts whose window has begun, and neither one not yet due, nor one already over, nor an empty one", () => {
    const now = new Date("2027-03-01T12:00:00Z");
    const due = draftElection({ opensAt: new Date(now.getTime() - 1000), closesAt: new Date("2027-03-20T00:00:00Z") });
    const notYet = draftElection({ opensAt: new Date(now.getTime() + 1000), closesAt: new Date("2027-03-20T00:00:00Z") });
    const over = draftElection({ opensAt: new Date("2027-02-01T12:00:00Z"), closesAt: now });
    const empty = draftElection({ opensAt: new Date(now.getTime() - 1000), closesAt: new Date("2027-03-20T00:00:00Z") }, { empty: true });
    expect(openDueElections(now)).toEqual([due]);
    expect([due, notYet, over, empty].map((id) => getElectionById(db, id)!.status)).toEqual(["open", "draft", "draft", "draft"]);
    expect(() => openElection(empty, now)).toThrow(expect.objectContaining({ reason: "ballot_empty" }));
    expect(db.select().from(electionRoll).where(eq(electionRoll.electionId, empty)).all()).toEqual([]);
    expect(mailFor(getElectionById(db, notYet)!.title)).toHaveLength(0);
  });
});
