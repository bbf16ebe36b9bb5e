import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { migrateDatabase } from "@/db/cli/migrate";
import { getOwnershipForUser } from "@/db/queries/owners";
import { electionTurnout } from "@/db/queries/election-roll";
import { getBallotDefinition, getElectionBySlug, isTakingBallots } from "@/db/queries/elections";
import type { ElectionResults } from "@/lib/model/election-tally";
import { electionBallotLinks, electionBallots, electionCandidates, electionPaperBatches, electionReceipts, electionRoll, elections, emailOutbox, jobApplications, jobs, newsletterIssues, newsletterListMembers, newsletterLists, ownerApplications, owners, pages, sessions, settings, uploads, users } from "@/db/schema";
import fs from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { readSeedPages, seedDatabase, seedMonographsFolder } from "@/db/cli/seed";
import { isFormerDemoAccount } from "@/db/seed-data/demo-users";
import { storeDay } from "@/lib/model/format";

const seedMonographCount = fs.readdirSync(seedMonographsFolder).filter((name) => name.endsWith(".md")).length;

const contentPageSlugs = [
  "about",
  "about/flower-program",
  "about/top-10-reasons",
  "about/co-ops",
  "about/board",
  "about/global-ends-policy",
  "about/co-op-connections",
  "about/bylaws",
  "advertise",
  "visit",
  "owners",
];

const countRows = () => ({
  pages: db.select({ n: sql<number>`count(*)` }).from(pages).get()!.n,
  settings: db.select({ n: sql<number>`count(*)` }).from(settings).get()!.n,
  lists: db.select({ n: sql<number>`count(*)` }).from(newsletterLists).get()!.n,
  listMembers: db.select({ n: sql<number>`count(*)` }).from(newsletterListMembers).get()!.n,
});

describe("seedDatabase", () => {
  it("fills an empty database with the site settings and every content page", async () => {
    const report = await seedDatabase(db, { demo: true });
    expect(report).toEqual({ pagesAdded: contentPageSlugs.length, settingsAdded: 1, usersAdded: 4, monographsAdded: seedMonographCount, demoApplicationsAdded: 4, demoJobsAdded: 4, demoSubscribersAdded: 11, demoListsAdded: 4, demoIssuesAdded: 2, demoCampaignsAdded: 2, demoElectionsAdded: 2, demoAccountsDisabled: [] });
    expect(seedMonographCount).toBeGreaterThanOrEqual(30);
    const slugs = db.select({ slug: pages.slug }).from(pages).all().map((row) => row.slug);
    expect(slugs.sort()).toEqual([...contentPageSlugs].sort());
    // The demo lists, and every demo subscriber on the first list as they stand (ten confirmed, one waiting).
    const lists = db.select().from(newsletterLists).all();
    expect(lists.map((list) => [list.name, list.audience, list.joinByDefault])).toEqual([
      ["Co-op news", "everyone", true],
      ["Weekly sales flyer", "everyone", true],
      ["Classes and events", "everyone", false],
      ["Owner news", "owners", false],
      ["The Rutabaga Rap", "everyone", false],
    ]);
    const onNews = db.select().from(newsletterListMembers).where(eq(newsletterListMembers.listId, lists[0]!.id)).all();
    expect(onNews.map((row) => row.status).sort()).toEqual([...Array(1).fill("pending"), ...Array(10).fill("subscribed")]);
    expect(onNews.every((row) => row.status === "pending" || (row.consentAt && row.consentIp?.startsWith("192.0.2.")))).toBe(true);
  });

  it("adds nothing the second time, and keeps what staff changed", async () => {
    db.update(pages).set({ title: "About us, edited" }).where(eq(pages.slug, "about")).run();
    const before = countRows();

    migrateDatabase(db);
    expect(await seedDatabase(db, { demo: true })).toEqual({ pagesAdded: 0, settingsAdded: 0, usersAdded: 0, monographsAdded: 0, demoApplicationsAdded: 0, demoJobsAdded: 0, demoSubscribersAdded: 0, demoListsAdded: 0, demoIssuesAdded: 0, demoCampaignsAdded: 0, demoElectionsAdded: 0, demoAccountsDisabled: [] });

    expect(countRows()).toEqual(before);
    expect(db.select().from(pages).where(eq(pages.slug, "about")).get()!.title).toBe("About us, edited");
  });
});

describe("seed pages", () => {
  it("each has a title, a description and no first-level heading of its own", () => {
    for (const page of readSeedPages()) {
      expect(page.title.length).toBeGreaterThan(3);
      expect(page.description.length).toBeGreaterThan(20);
      expect(page.markdown).not.toMatch(/^# /m);
    }
  });
});

describe("demo accounts", () => {
  const demo = ["admin@coop.example", "staff@coop.example", "owner@coop.example", "household@coop.example"];

  it("live on the reserved .example domain", async () => {
    await seedDatabase(db, { demo: true });
    const accounts = db.select({ email: users.email, name: users.name }).from(users).all();
    expect(accounts.map((row) => row.email)).toEqual(expect.arrayContaining(demo));
    expect(accounts.filter(isFormerDemoAccount)).toEqual([]);
  });

  it("are disabled, once, when the portal runs outside demo mode; they lose their sessions and get no link", async () => {
    const admin = db.select().from(users).where(eq(users.email, "admin@coop.example")).get()!;
    db.insert(sessions).values({ sessionToken: "demo-admin-session", userId: admin.id, expires: new Date(Date.now() + 60_000) }).run();
    // An account left from an earlier version, whose demo addresses were on a domain someone
    // could own: recognised by the demo name and mailbox, whatever that domain was.
    const former = db.insert(users).values({ email: "admin@earlier-demo.example", name: "Demo Admin", role: "admin" }).returning().get();

    expect((await seedDatabase(db, { demo: false })).demoAccountsDisabled.sort()).toEqual([...demo, former.email].sort());
    expect((await seedDatabase(db, { demo: false })).demoAccountsDisabled).toEqual([]);
    expect(db.select().from(sessions).where(eq(sessions.userId, admin.id)).all()).toEqual([]);

    const { requestSignInLink } = await import("@/lib/auth/sign-in-links");
    expect(requestSignInLink({ email: "admin@coop.example", ip: "192.0.2.9" })).toEqual({ ok: true });
    expect(db.select().from(emailOutbox).where(eq(emailOutbox.to, "admin@coop.example")).all()).toEqual([]);
  });

  it("work again in demo mode, but the former ones on a real domain stay disabled", async () => {
    await seedDatabase(db, { demo: true });
    const disabled = db.select({ email: users.email, disabledAt: users.disabledAt }).from(users).all().filter((row) => row.disabledAt);
    expect(disabled.map((row) => row.email)).toEqual(["admin@earlier-demo.example"]);
  });
});

describe("demo owners", () => {
  it("give owner@coop.example owner no. 1001 with equity partly paid and a household member who signs in, and leave applications to review", () => {
    const owner = db.select().from(users).where(eq(users.email, "owner@coop.example")).get()!;
    const ownership = getOwnershipForUser(db, owner.id)!;
    expect(ownership.ownerNumber).toBe(1001);
    const paid = ownership.payments.reduce((sum, payment) => sum + payment.amountCents, 0);
    expect(paid).toBeGreaterThan(0);
    expect(paid).toBeLessThan(ownership.equityPlan!.totalCents);
    expect(ownership.household).toEqual([expect.objectContaining({ email: "household@coop.example" })]);
    const member = db.select().from(users).where(eq(users.email, "household@coop.example")).get()!;
    expect(getOwnershipForUser(db, member.id)).toMatchObject({ ownerNumber: 1001, isPrimary: false });
    expect(db.select().from(ownerApplications).where(eq(ownerApplications.status, "submitted")).all().length).toBeGreaterThanOrEqual(3);
  });
});

describe("demo jobs", () => {
  it("are three open postings closing 30 to 60 days from today and one closed, each with applicants of varied statuses on coop.example", () => {
    const today = storeDay();
    const postings = db.select().from(jobs).all();
    const open = postings.filter((job) => job.status === "published" && job.closesOn >= today);
    expect(open).toHaveLength(3);
    for (const job of open) {
      const daysLeft = (Date.parse(job.closesOn) - Date.parse(today)) / 86_400_000;
      expect(daysLeft).toBeGreaterThanOrEqual(30);
      expect(daysLeft).toBeLessThanOrEqual(60);
      expect(job.publishedAt!.getTime()).toBeLessThan(Date.now());
    }
    expect(postings.filter((job) => job.status === "closed")).toHaveLength(1);
    expect(postings.filter((job) => job.status === "draft")).toEqual([]);

    const applicants = db.select().from(jobApplications).all();
    for (const job of postings) expect(applicants.filter((applicant) => applicant.jobId === job.id).length).toBeGreaterThanOrEqual(2);
    expect(new Set(applicants.map((applicant) => applicant.status)).size).toBeGreaterThanOrEqual(4);
    expect(applicants.every((applicant) => applicant.email.endsWith("@coop.example") && applicant.resumeText)).toBe(true);
  });

  it("are not added again once any posting exists", async () => {
    const before = db.select({ n: sql<number>`count(*)` }).from(jobs).get()!.n;
    expect((await seedDatabase(db, { demo: true })).demoJobsAdded).toBe(0);
    expect(db.select({ n: sql<number>`count(*)` }).from(jobs).get()!.n).toBe(before);
  });
});

describe("demo issues of The Rutabaga Rap", () => {
  const uploadsFolder = () => path.join(process.env.DATA_DIR!, "uploads");

  it("are two, dated in the past months, each a one-page PDF stored under its upload id with no temporary file left", async () => {
    const issues = db.select().from(newsletterIssues).innerJoin(uploads, eq(uploads.id, newsletterIssues.uploadId)).all();
    expect(issues).toHaveLength(2);
    const files = fs.readdirSync(uploadsFolder());
    expect(files.filter((name) => name.endsWith(".part"))).toEqual([]);
    for (const { newsletter_issues: issue, uploads: upload } of issues) {
      expect(issue.issuedOn < storeDay()).toBe(true);
      expect(issue.slug.startsWith(issue.issuedOn)).toBe(true);
      expect(upload.contentType).toBe("application/pdf");
      const bytes = fs.readFileSync(path.join(uploadsFolder(), upload.id));
      expect(bytes.length).toBe(upload.sizeBytes);
      const pdf = await PDFDocument.load(bytes);
      expect(pdf.getPageCount()).toBe(1);
      expect(pdf.getTitle()).toBe(`The Rutabaga Rap: ${issue.title}`);
    }
  });

  it("are not added again once any issue exists, and leave no file behind", async () => {
    const filesBefore = fs.readdirSync(uploadsFolder()).sort();
    expect((await seedDatabase(db, { demo: true })).demoIssuesAdded).toBe(0);
    expect(db.select({ n: sql<number>`count(*)` }).from(newsletterIssues).get()!.n).toBe(2);
    expect(fs.readdirSync(uploadsFolder()).sort()).toEqual(filesBefore);
  });
});

describe("demo elections", () => {
  const rollEntry = (electionId: number) => {
    const owner = db.select({ id: owners.id }).from(owners).innerJoin(users, eq(users.id, owners.userId)).where(eq(users.email, "owner@coop.example")).get()!;
    return db.select().from(electionRoll).where(sql`${electionRoll.electionId} = ${electionId} and ${electionRoll.ownerId} = ${owner.id}`).get();
  };

  it("hold Board of directors 2027 open now: five candidates for three seats with a write-in, a bylaw amendment, owner@coop.example on the roll and not voted", () => {
    const election = getElectionBySlug(db, "board-of-directors-2027")!;
    expect(election).toMatchObject({ title: "Board of directors 2027", status: "open", recordDate: storeDay() });
    expect(isTakingBallots(election, new Date())).toBe(true);
    expect(election.closesAt.getTime() - Date.now()).toBeGreaterThan(20 * 86_400_000);
    const ballot = getBallotDefinition(db, election.id);
    expect(ballot.races).toEqual([expect.objectContaining({ seats: 3, writeIn: true })]);
    expect(ballot.races[0]!.candidates).toHaveLength(5);
    const statements = db.select({ statement: electionCandidates.statement }).from(electionCandidates).where(eq(electionCandidates.raceId, ballot.races[0]!.id)).all();
    expect(statements.every((candidate) => candidate.statement.length > 40)).toBe(true);
    expect(ballot.measures).toEqual([expect.objectContaining({ title: expect.stringMatching(/^Bylaw amendment/), text: expect.stringContaining("amendment") })]);
    expect(rollEntry(election.id)).toMatchObject({ removedAt: null, votedAt: null, channel: null });
    expect(db.select().from(electionBallots).where(eq(electionBallots.electionId, election.id)).all()).toEqual([]);
  });

  it("send no ballot email and give out no ballot link", () => {
    expect(db.select().from(electionBallotLinks).all()).toEqual([]);
    expect(db.select().from(emailOutbox).where(sql`${emailOutbox.subject} like 'Your ballot:%'`).all()).toEqual([]);
  });

  it("hold Board of directors 2026, closed months ago and certified by the demo admin, its results counted from its ballots and its roll", () => {
    const election = getElectionBySlug(db, "board-of-directors-2026")!;
    const admin = db.select().from(users).where(eq(users.email, "admin@coop.example")).get()!;
    expect(election).toMatchObject({ status: "certified", certifiedBy: admin.id });
    expect(election.closesAt.getTime()).toBeLessThan(Date.now() - 30 * 86_400_000);
    expect(election.certifiedAt!.getTime()).toBeGreaterThan(election.closesAt.getTime());
    expect(rollEntry(election.id)).toMatchObject({ channel: "online" });
    const ballots = db.select().from(electionBallots).where(eq(electionBallots.electionId, election.id)).all();
    const paper = db.select().from(electionPaperBatches).where(eq(electionPaperBatches.electionId, election.id)).all();
    const turnout = electionTurnout(db, election.id);
    const results = election.resultsJson as ElectionResults;
    expect(ballots.length).toBeGreaterThan(0);
    expect(db.select().from(electionReceipts).where(eq(electionReceipts.electionId, election.id)).all()).toHaveLength(ballots.length);
    expect(results.ballots).toEqual({ online: ballots.length, paper: paper.reduce((sum, batch) => sum + batch.ballots, 0), total: turnout.voted });
    expect(results.turnout).toMatchObject({ rollSize: turnout.rollSize, voted: turnout.voted });
    expect(results.races[0]!.elected.length).toBeGreaterThan(0);
    expect(results.measures).toHaveLength(1);
  });

  it("are not added again", async () => {
    const count = (table: typeof elections | typeof electionRoll | typeof electionBallots) => db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;
    const before = [count(elections), count(electionRoll), count(electionBallots)];
    expect((await seedDatabase(db, { demo: true })).demoElectionsAdded).toBe(0);
    expect([count(elections), count(electionRoll), count(electionBallots)]).toEqual(before);
  });
});
