import fs from "node:fs";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { insertQueuedEmail } from "@/db/queries/email";
import { insertDelivery } from "@/db/queries/newsletter-deliveries";
import { getCampaignProgress, insertCampaign, markCampaignSent, startCampaignSend } from "@/db/queries/newsletter-campaigns";
import {
  auditLog,
  emailOutbox,
  jobApplications,
  jobs,
  newsletterSubscribers,
  ownerApplicationHousehold,
  ownerApplications,
  users,
} from "@/db/schema";
import { deliverQueuedEmail } from "../helpers/deliver-queued-email";
import { storeDay } from "@/lib/model/format";
import { submitJobApplication } from "@/lib/jobs/submit-application";
import { runMaintenance, type MaintenanceReport } from "@/lib/maintenance/run-maintenance";
import { confirmSubscription, signUpForNewsletter } from "@/lib/newsletter/subscriptions";
import { approveApplication, declineApplication } from "@/lib/owners/decide-application";
import { submitOwnerApplication } from "@/lib/owners/submit-application";
import { jobApplicationFormSchema } from "@/lib/validations/job-applications";
import { ownerApplicationSchema } from "@/lib/validations/owners";

// file-type is ESM only and jest here runs CommonJS; these applications paste their résumé
// as text, so it is never called (résumé files are checked over HTTP).
jest.mock("file-type", () => ({ fileTypeFromBlob: async () => undefined }), { virtual: true });

// Every period the portal states, kept by the daily maintenance with its clock moved on:
// the records go, and so does the mail about them, row and .eml file. The mail is written
// by the real embedded outbox (no SMTP_URL here) into DATA_DIR/outbox.

const DAY_MS = 86_400_000;
const dataDir = process.env.DATA_DIR!;
const outboxFolder = path.join(dataDir, "outbox");
const start = Date.now();
const daysOn = (days: number) => new Date(start + days * DAY_MS);
const ip = "203.0.113.50";

const staff = db.insert(users).values({ email: "retention-staff@coop.example", role: "staff" }).returning().get();
const actor = { id: staff.id, email: staff.email };

const sendEverything = deliverQueuedEmail;

const mailAbout = (to: string) => db.select().from(emailOutbox).where(eq(emailOutbox.to, to)).all();
const mailRow = (id: number) => db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).get();
/** The .eml files the outbox wrote for a message, found by their Message-ID header. */
function emlFilesOf(messageId: string) {
  if (!fs.existsSync(outboxFolder)) return [];
  return fs
    .readdirSync(outboxFolder)
    .filter((name) => name.endsWith(".eml"))
    .filter((name) => fs.readFileSync(path.join(outboxFolder, name), "utf8").includes(`Message-ID: ${messageId}`));
}
const emlFilesOfAll = (rows: { messageId: string }[]) => rows.flatMap((row) => emlFilesOf(row.messageId));

const maintain = (days: number) => runMaintenance(db, { dataDir, backupKeep: 3, trigger: "command", now: daysOn(days) });

// Newsletter: one signup never confirmed, one reader who confirmed.
signUpForNewsletter({ email: "lapsed@example.org", firstName: "Lapsed" }, ip);
signUpForNewsletter({ email: "reader@example.org", firstName: "Reader" }, ip);
const readerToken = /\/newsletter\/confirm\?token=([0-9a-f]{64})/.exec(mailAbout("reader@example.org")[0]!.text)![1]!;
confirmSubscription(readerToken, ip);
const reader = db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, "reader@example.org")).get()!;

// Jobs: an application to a posting that takes applications now and is then closed long ago.
const jobId = db
  .insert(jobs)
  .values({
    slug: "retention-cashier",
    title: "Cashier",
    department: "Front end",
    employmentType: "part_time",
    hours: "20 hours a week",
    payMinCents: 1600,
    payUnit: "hour",
    location: "The store",
    description: "Ring up groceries.",
    closesOn: storeDay(daysOn(30)),
    status: "published",
    publishedAt: daysOn(-10),
  })
  .returning({ id: jobs.id })
  .get().id;

// Owner applications: one declined long ago, one declined now, one approved, one waiting.
const ownerSchema = ownerApplicationSchema(["full", "monthly"]);
function applyToOwn(email: string, name: string) {
  const input = ownerSchema.parse({
    applicant: { name, email, phone: "585-555-0134", streetAddress: "14 Park Ave", locality: "Rochester", region: "NY", postalCode: "14607" },
    household: [{ name: `${name}'s partner`, email: `partner-of-${email}` }, { name: `${name}'s child` }],
    planId: "monthly",
    flower: { snap: "on", medicaid: "on" },
    agreement: { bylaws: "on", dataUse: "on", signature: name },
  });
  return submitOwnerApplication(input, ip)!;
}

let jobApplicationId: number;
let declinedLongAgo: number;
let declinedNow: number;
let approved: number;
let waiting: number;
let campaignEmailId: number;
let campaignId: number;
let queuedId: number;

beforeAll(async () => {
  const jobInput = jobApplicationFormSchema.parse({
    jobId: String(jobId),
    name: "Jordan Applicant",
    email: "jordan@example.org",
    phone: "585-555-0177",
    availability: "Weekends",
    coverLetter: "I like people.",
    resumeText: "Five years at a bakery counter.",
  });
  submitJobApplication(jobInput, undefined, ip);
  jobApplicationId = db.select().from(jobApplications).where(eq(jobApplications.email, "jordan@example.org")).get()!.id;
  const longAgo = daysOn(-400);
  db.update(jobs).set({ status: "closed", closedAt: longAgo, closesOn: storeDay(longAgo) }).where(eq(jobs.id, jobId)).run();

  declinedLongAgo = applyToOwn("old-decline@example.org", "Olive Old");
  declineApplication(actor, { applicationId: declinedLongAgo, reason: "We could not reach you." });
  // Decided 400 days before the test's day 0: past the default 365 days from the start.
  db.update(ownerApplications).set({ decidedAt: daysOn(-400) }).where(eq(ownerApplications.id, declinedLongAgo)).run();
  declinedNow = applyToOwn("new-decline@example.org", "Nina New");
  declineApplication(actor, { applicationId: declinedNow, reason: "Please apply at the store." });
  approved = applyToOwn("approved@example.org", "Abe Approved");
  approveApplication(actor, { applicationId: approved, joinedOn: storeDay() });
  waiting = applyToOwn("waiting@example.org", "Wanda Waiting");

  // A campaign copy to the reader, as the campaign sender queues one (its delivery refers to the message).
  campaignId = insertCampaign(db, { subject: "Squash season", markdown: "Squash is here." }, staff.id);
  startCampaignSend(db, campaignId, "squash-season");
  campaignEmailId = insertQueuedEmail(
    db,
    { to: reader.email, subject: "Squash season", text: "Squash is here. Unsubscribe: secret", html: "<p>Squash is here.</p>", messageId: `<campaign-${campaignId}.subscriber-${reader.id}@localhost>` },
    "localhost",
  );
  insertDelivery(db, { campaignId, subscriberId: reader.id, emailId: campaignEmailId, unsubscribeTokenHash: "0".repeat(64) });
  markCampaignSent(db, campaignId);

  await sendEverything();
  // One message still waiting for its first try: maintenance never touches it.
  queuedId = insertQueuedEmail(db, { to: "later@example.org", subject: "Still waiting", text: "Kept while queued.", html: "<p>Kept while queued.</p>" }, "localhost");
});

describe("before any maintenance", () => {
  it("every message went out as one .eml file", () => {
    const sent = db.select().from(emailOutbox).where(eq(emailOutbox.status, "sent")).all();
    expect(sent.length).toBeGreaterThanOrEqual(14);
    for (const row of sent) expect(emlFilesOf(row.messageId)).toHaveLength(1);
  });
});

describe("eight days on", () => {
  let report: MaintenanceReport;
  let jordanMail: (typeof emailOutbox.$inferSelect)[];
  let lapsedMail: (typeof emailOutbox.$inferSelect)[];
  let oldDeclineMail: (typeof emailOutbox.$inferSelect)[];
  let staffNotices: (typeof emailOutbox.$inferSelect)[];

  beforeAll(async () => {
    jordanMail = mailAbout("jordan@example.org");
    lapsedMail = mailAbout("lapsed@example.org");
    oldDeclineMail = mailAbout("old-decline@example.org");
    staffNotices = db.select().from(emailOutbox).where(inArray(emailOutbox.subject, [`New owner application no. ${declinedLongAgo}`, "New applicant for Cashier"])).all();
    expect([jordanMail.length, lapsedMail.length, oldDeclineMail.length, staffNotices.length]).toEqual([1, 1, 2, 2]);
    // A file someone already removed by hand is no reason to stop.
    for (const file of emlFilesOfAll(staffNotices)) fs.rmSync(path.join(outboxFolder, file));
    report = await maintain(8);
  });

  it("an expired signup is gone with its confirmation email, row and .eml file", () => {
    expect(db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, "lapsed@example.org")).get()).toBeUndefined();
    expect(mailAbout("lapsed@example.org")).toEqual([]);
    expect(emlFilesOfAll(lapsedMail)).toEqual([]);
  });

  it("a purged job application takes its confirmation and the staff notice, rows and .eml files", () => {
    expect(db.select().from(jobApplications).where(eq(jobApplications.id, jobApplicationId)).get()).toBeUndefined();
    expect(mailAbout("jordan@example.org")).toEqual([]);
    expect(emlFilesOfAll(jordanMail)).toEqual([]);
    expect(mailRow(staffNotices.find((row) => row.subject === "New applicant for Cashier")!.id)).toBeUndefined();
  });

  it("a declined application past the period is gone with its household, FLOWER answers and mail; a younger one stays", () => {
    expect(db.select().from(ownerApplications).where(eq(ownerApplications.id, declinedLongAgo)).get()).toBeUndefined();
    expect(db.select().from(ownerApplicationHousehold).where(eq(ownerApplicationHousehold.applicationId, declinedLongAgo)).all()).toEqual([]);
    expect(mailAbout("old-decline@example.org")).toEqual([]);
    expect(emlFilesOfAll(oldDeclineMail)).toEqual([]);
    expect(mailRow(staffNotices.find((row) => row.subject.startsWith("New owner application"))!.id)).toBeUndefined();

    expect(db.select().from(ownerApplications).where(eq(ownerApplications.id, declinedNow)).get()).toMatchObject({ status: "declined" });
    expect(db.select().from(ownerApplicationHousehold).where(eq(ownerApplicationHousehold.applicationId, declinedNow)).all()).toHaveLength(2);
    expect(mailAbout("new-decline@example.org")).toHaveLength(2);
  });

  it("mail younger than the outbox keeps is left whole", () => {
    const welcome = mailAbout("approved@example.org").find((row) => row.subject.startsWith("Welcome"))!;
    expect(welcome.text).toContain("Abe Approved");
    expect(emlFilesOf(welcome.messageId)).toHaveLength(1);
  });

  it("reports each count and audits it without anyone's details", () => {
    expect(report).toMatchObject({ jobApplicationsDeleted: 1, newsletterSignupsExpired: 1, declinedOwnerApplicationsDeleted: 1, sentEmailsCleared: 0 });
    const entries = db.select().from(auditLog).where(inArray(auditLog.action, ["maintenance.run", "owner_application.retention", "job_application.retention", "newsletter_subscriber.expire"])).all();
    expect(entries.map((entry) => entry.action).sort()).toEqual(["job_application.retention", "maintenance.run", "newsletter_subscriber.expire", "owner_application.retention"]);
    expect(JSON.stringify(entries)).not.toMatch(/example\.org|Olive|Jordan|Lapsed/);
  });
});

describe("thirty-one days on (the outbox keeps 30 days by default)", () => {
  let report: MaintenanceReport;
  let waitingMail: (typeof emailOutbox.$inferSelect)[];
  let campaignMessageId: string;

  beforeAll(async () => {
    waitingMail = mailAbout("waiting@example.org");
    campaignMessageId = mailRow(campaignEmailId)!.messageId;
    report = await maintain(31);
  });

  it("a sent message older than that keeps no body and no .eml file", () => {
    expect(waitingMail.length).toBeGreaterThan(0);
    for (const row of waitingMail) {
      const now = mailRow(row.id);
      expect(now === undefined || !now.text.includes("Wanda")).toBe(true);
      expect(now === undefined || !now.subject.includes("Wanda")).toBe(true);
    }
    expect(emlFilesOfAll(waitingMail)).toEqual([]);
    expect(db.select().from(ownerApplications).where(eq(ownerApplications.id, waiting)).get()).toMatchObject({ status: "submitted" });
  });

  it("a campaign copy loses its body but keeps its status, so the campaign's counts stay right", () => {
    expect(mailRow(campaignEmailId)).toMatchObject({ status: "sent", to: reader.email });
    expect(mailRow(campaignEmailId)!.text).not.toContain("Squash is here");
    expect(mailRow(campaignEmailId)!.html).not.toContain("Squash is here");
    expect(emlFilesOf(campaignMessageId)).toEqual([]);
    expect(getCampaignProgress(campaignId)!.progress).toMatchObject({ sent: 1, total: 1 });
  });

  it("a queued message is never touched", () => {
    expect(mailRow(queuedId)).toMatchObject({ status: "queued", text: "Kept while queued.", subject: "Still waiting" });
  });

  it("counts what it cleared", () => {
    expect(report.sentEmailsCleared).toBeGreaterThan(0);
  });
});

describe("a year on", () => {
  it("the application declined at the start is gone; the approved one stays, since its ownership refers to it", async () => {
    const report = await maintain(366);
    expect(report.declinedOwnerApplicationsDeleted).toBe(1);
    expect(db.select().from(ownerApplications).where(eq(ownerApplications.id, declinedNow)).get()).toBeUndefined();
    expect(db.select().from(ownerApplicationHousehold).where(eq(ownerApplicationHousehold.applicationId, declinedNow)).all()).toEqual([]);
    expect(db.select().from(ownerApplications).where(eq(ownerApplications.id, approved)).get()).toMatchObject({ status: "approved" });
    expect(db.select().from(ownerApplications).where(eq(ownerApplications.id, waiting)).get()).toMatchObject({ status: "submitted" });
  });
});
