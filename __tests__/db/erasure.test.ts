import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, like } from "drizzle-orm";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { ERASED_BODY, insertQueuedEmail } from "@/db/queries/email";
import { getCampaignProgress, insertCampaign, markCampaignSent, startCampaignSend } from "@/db/queries/newsletter-campaigns";
import { insertDelivery } from "@/db/queries/newsletter-deliveries";
import { acceptHouseholdInvitation } from "@/db/queries/owner-households";
import {
  auditLog,
  emailOutbox,
  jobApplications,
  jobs,
  newsletterDeliveries,
  newsletterSubscribers,
  ownerApplicationHousehold,
  ownerApplications,
  ownerHouseholdMembers,
  owners,
  rateLimitHits,
  sessions,
  uploads,
  users,
  verificationTokens,
} from "@/db/schema";
import { requestSignInLink } from "@/lib/auth/sign-in-links";
import { deliverQueuedEmail } from "../helpers/deliver-queued-email";
import { erasePerson, lookUpPerson } from "@/lib/erasure/erase-person";
import { storeDay } from "@/lib/model/format";
import { submitJobApplication } from "@/lib/jobs/submit-application";
import { storedUploadPath } from "@/lib/uploads/storage";
import { confirmSubscription, signUpForNewsletter } from "@/lib/newsletter/subscriptions";
import { rateLimitKey } from "@/lib/rate-limits";
import { approveApplication, declineApplication } from "@/lib/owners/decide-application";
import { submitOwnerApplication } from "@/lib/owners/submit-application";
import { jobApplicationFormSchema } from "@/lib/validations/job-applications";
import { ownerApplicationSchema } from "@/lib/validations/owners";

// file-type is ESM only and jest here runs CommonJS; these applications paste their résumé
// as text and get their file attached below, so it is never called.
jest.mock("file-type", () => ({ fileTypeFromBlob: async () => undefined }), { virtual: true });

// An admin erases everything the portal holds for one address, as a person who wrote to
// the co-op asked: rows, résumé files, mail rows and .eml files, limit counters, the
// account. Another address with the same kinds of data keeps all of it. The mail is
// written by the real embedded outbox (no SMTP_URL here) into DATA_DIR/outbox.

const target = "erase-me@example.org";
const other = "keep-me@example.org";
const primary = "primary@example.org";
const joined = "joined@example.org";
const staffPerson = "staff-person@example.org";

const outboxFolder = path.join(process.env.DATA_DIR!, "outbox");
let ipCount = 0;
const nextIp = () => `203.0.113.${++ipCount}`;

const admin = db.insert(users).values({ email: "erasure-admin@coop.example", role: "admin" }).returning().get();
const adminActor = { id: admin.id, email: admin.email };

const sendEverything = deliverQueuedEmail;

const mailTo = (to: string) => db.select().from(emailOutbox).where(eq(emailOutbox.to, to)).all();
/** The .eml files the outbox wrote for these messages, found by their Message-ID header. */
function emlFilesOf(rows: { messageId: string }[]) {
  if (!fs.existsSync(outboxFolder)) return [];
  const ids = rows.map((row) => `Message-ID: ${row.messageId}`);
  return fs
    .readdirSync(outboxFolder)
    .filter((name) => name.endsWith(".eml"))
    .filter((name) => {
      const content = fs.readFileSync(path.join(outboxFolder, name), "utf8");
      return ids.some((id) => content.includes(id));
    });
}

const jobId = db
  .insert(jobs)
  .values({
    slug: "erasure-cashier",
    title: "Cashier",
    department: "Front end",
    employmentType: "part_time",
    hours: "20 hours a week",
    payMinCents: 1600,
    payUnit: "hour",
    location: "The store",
    description: "Ring up groceries.",
    closesOn: storeDay(new Date(Date.now() + 30 * 86_400_000)),
    status: "published",
    publishedAt: new Date(),
  })
  .returning({ id: jobs.id })
  .get().id;

const ownerSchema = ownerApplicationSchema(["full", "monthly"]);
function applyToOwn(email: string, name: string, household: { name: string; email?: string }[]) {
  const input = ownerSchema.parse({
    applicant: { name, email, phone: "585-555-0134", streetAddress: "14 Park Ave", locality: "Rochester", region: "NY", postalCode: "14607" },
    household,
    planId: "monthly",
    flower: { snap: "on", medicaid: "on" },
    agreement: { bylaws: "on", dataUse: "on", signature: name },
  });
  return submitOwnerApplication(input, nextIp())!;
}

async function applyForJobWithResume(email: string, name: string) {
  const input = jobApplicationFormSchema.parse({
    jobId: String(jobId),
    name,
    email,
    phone: "585-555-0177",
    availability: "Weekends",
    coverLetter: "I like people.",
    resumeText: "Five years at a bakery counter.",
  });
  submitJobApplication(input, undefined, nextIp());
  const application = db.select().from(jobApplications).where(eq(jobApplications.email, email)).get()!;
  // A résumé file, stored as the upload form stores one: a row, and the file named by its id.
  const uploadId = crypto.randomUUID().replace(/-/g, "");
  db.insert(uploads).values({ id: uploadId, originalName: `${name}.pdf`, contentType: "application/pdf", sizeBytes: 9 }).run();
  db.update(jobApplications).set({ resumeUploadId: uploadId }).where(eq(jobApplications.id, application.id)).run();
  fs.mkdirSync(path.dirname(storedUploadPath(uploadId)), { recursive: true });
  fs.writeFileSync(storedUploadPath(uploadId), "%PDF-1.4\n");
  return { applicationId: application.id, uploadId };
}

function signUpAndConfirm(email: string, firstName: string) {
  signUpForNewsletter({ email, firstName }, nextIp());
  const token = mailTo(email)
    .map((row) => /\/newsletter\/confirm\?token=([0-9a-f]{64})/.exec(row.text)?.[1])
    .find(Boolean)!;
  confirmSubscription(token, nextIp());
  return db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)).get()!;
}

/** An account with a session, a sign-in link asked for (its token, its limit counter, its email) and an entry of its own in the audit log. */
function account(email: string) {
  const user = db.insert(users).values({ email, name: email.split("@")[0] }).returning().get();
  db.insert(sessions).values({ sessionToken: `session-of-${email}`, userId: user.id, expires: new Date(Date.now() + 86_400_000) }).run();
  expect(requestSignInLink({ email, ip: nextIp() })).toEqual({ ok: true });
  recordAudit(db, { id: user.id, email }, { action: "owner_application.withdraw", subjectType: "owner_application", subjectId: "0" });
  return user;
}

type Seeded = { subscriberId: number; jobApplicationId: number; uploadId: string; declinedId: number };
const seeded = {} as Record<string, Seeded>;
let ownerId: number;
let primaryApplicationId: number;
let campaignId: number;
let joinedMemberId: number;

beforeAll(async () => {
  // An ownership whose application names the target, the other address and a third person
  // in its household: approving it invites each of them.
  primaryApplicationId = applyToOwn(primary, "Pat Primary", [
    { name: "Erin Erased", email: target },
    { name: "Kit Kept", email: other },
    { name: "Jo Joined", email: joined },
  ]);
  ownerId = approveApplication(adminActor, { applicationId: primaryApplicationId, joinedOn: storeDay() })!.ownerId;
  const joinedUser = db.insert(users).values({ email: joined }).returning().get();
  joinedMemberId = db.select().from(ownerHouseholdMembers).where(eq(ownerHouseholdMembers.email, joined)).get()!.id;
  acceptHouseholdInvitation(db, joinedMemberId, { id: joinedUser.id, email: joined }, new Date());

  db.insert(users).values({ email: staffPerson, role: "staff" }).run();
  signUpAndConfirm(staffPerson, "Sam");

  campaignId = insertCampaign(db, { subject: "Squash season", markdown: "Squash is here." }, admin.id);
  startCampaignSend(db, campaignId, "squash-season");

  for (const [email, name] of [
    [target, "Erin Erased"],
    [other, "Kit Kept"],
  ] as const) {
    const subscriber = signUpAndConfirm(email, name.split(" ")[0]!);
    const { applicationId, uploadId } = await applyForJobWithResume(email, name);
    const declinedId = applyToOwn(email, name, [{ name: `${name}'s partner`, email: `partner-of-${email}` }, { name: `${name}'s child` }]);
    declineApplication(adminActor, { applicationId: declinedId, reason: "Please apply at the store." });
    account(email);
    // This reader's copy of the campaign, as the campaign sender queues one.
    const emailId = insertQueuedEmail(
      db,
      { to: email, subject: "Squash season", text: `Squash is here, ${name}.`, html: "<p>Squash is here.</p>", messageId: `<campaign-${campaignId}.subscriber-${subscriber.id}@localhost>` },
      "localhost",
    );
    insertDelivery(db, { campaignId, subscriberId: subscriber.id, emailId, unsubscribeTokenHash: `${subscriber.id}`.padStart(64, "0") });
    seeded[email] = { subscriberId: subscriber.id, jobApplicationId: applicationId, uploadId, declinedId };
  }
  markCampaignSent(db, campaignId);
  await sendEverything();
  // A message to each still waiting for its first try.
  for (const email of [target, other]) insertQueuedEmail(db, { to: email, subject: "Still waiting", text: "Queued.", html: "<p>Queued.</p>" }, "localhost");
});

/** Everything the portal holds that names or concerns `email`, row by row. */
function footprint(email: string) {
  const { subscriberId, jobApplicationId, uploadId, declinedId } = seeded[email]!;
  const concerning = (type: string, id: number) => db.select().from(emailOutbox).where(and(eq(emailOutbox.concernsType, type), eq(emailOutbox.concernsId, String(id)))).all();
  const user = db.select().from(users).where(eq(users.email, email)).get();
  return {
    subscriber: db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)).all().length,
    jobApplication: db.select().from(jobApplications).where(eq(jobApplications.id, jobApplicationId)).all().length,
    upload: db.select().from(uploads).where(eq(uploads.id, uploadId)).all().length,
    resumeFile: fs.existsSync(storedUploadPath(uploadId)),
    declinedApplication: db.select().from(ownerApplications).where(eq(ownerApplications.id, declinedId)).all().length,
    declinedHousehold: db.select().from(ownerApplicationHousehold).where(eq(ownerApplicationHousehold.applicationId, declinedId)).all().length,
    invitation: db.select().from(ownerHouseholdMembers).where(eq(ownerHouseholdMembers.email, email)).all().length,
    listedInPrimaryApplication: db
      .select()
      .from(ownerApplicationHousehold)
      .where(and(eq(ownerApplicationHousehold.applicationId, primaryApplicationId), eq(ownerApplicationHousehold.email, email)))
      .all().length,
    mailTo: mailTo(email).length,
    mailAboutRecords: [
      ...concerning("newsletter_subscriber", subscriberId),
      ...concerning("job_application", jobApplicationId),
      ...concerning("owner_application", declinedId),
    ].length,
    account: user ? 1 : 0,
    sessions: db.select().from(sessions).where(eq(sessions.sessionToken, `session-of-${email}`)).all().length,
    signInTokens: db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email)).all().length,
    limitCounters: db
      .select()
      .from(rateLimitHits)
      .where(inArray(rateLimitHits.key, [rateLimitKey("signin:email", email), rateLimitKey("newsletter:signup:email", email)]))
      .all().length,
    auditRowsNamingIt: db.select().from(auditLog).where(like(auditLog.actorEmail, email)).all().length,
  };
}

const everything = {
  subscriber: 1,
  jobApplication: 1,
  upload: 1,
  resumeFile: true,
  declinedApplication: 1,
  declinedHousehold: 2,
  invitation: 1,
  listedInPrimaryApplication: 1,
  mailTo: 8,
  mailAboutRecords: 6,
  account: 1,
  sessions: 1,
  signInTokens: 1,
  limitCounters: 2,
  auditRowsNamingIt: 1,
};

describe("before erasure", () => {
  it("both addresses hold the same kinds of data, and every sent message has its .eml file", () => {
    expect(footprint(target)).toEqual(everything);
    expect(footprint(other)).toEqual(everything);
    expect(emlFilesOf(mailTo(target).filter((row) => row.status === "sent"))).toHaveLength(7);
  });

  it("the look-up counts what the portal holds for the address, kind by kind, and allows erasing it", () => {
    expect(lookUpPerson(db, target)).toEqual({
      holdings: {
        account: { role: "member", ownerNumber: null },
        newsletter: "confirmed",
        jobApplications: 1,
        ownerApplications: { submitted: 0, approved: 0, declined: 1 },
        householdMemberships: 0,
        householdInvitations: 1,
        householdListings: 1,
        emails: { queued: 1, sending: 0, sent: 7, failed: 0 },
        limitCounters: 2,
        auditEntries: 1,
      },
      refusal: null,
    });
  });
});

describe("refused, with nothing deleted", () => {
  it("a primary owner: the ownership holds equity payments, so it is ended or transferred at the store first", () => {
    const before = { owner: db.select().from(owners).where(eq(owners.id, ownerId)).get(), mail: mailTo(primary).length };
    expect(lookUpPerson(db, primary).refusal).toMatchObject({ reason: "primary_owner" });
    expect(() => erasePerson(db, adminActor, primary)).toThrow(expect.objectContaining({ code: "conflict", message: expect.stringMatching(/primary owner.*equity.*(end|transfer)/is) }));
    expect({ owner: db.select().from(owners).where(eq(owners.id, ownerId)).get(), mail: mailTo(primary).length }).toEqual(before);
    expect(db.select().from(users).where(eq(users.email, primary)).get()).toBeDefined();
    expect(db.select().from(auditLog).where(eq(auditLog.action, "person.erase")).all()).toEqual([]);
  });

  it("a staff account: its role is changed first", () => {
    expect(lookUpPerson(db, staffPerson).refusal).toMatchObject({ reason: "staff_account" });
    expect(() => erasePerson(db, adminActor, staffPerson)).toThrow(expect.objectContaining({ code: "conflict", message: expect.stringMatching(/staff.*role/is) }));
    expect(db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, staffPerson)).get()).toMatchObject({ status: "confirmed" });
    expect(db.select().from(users).where(eq(users.email, staffPerson)).get()).toMatchObject({ role: "staff" });
  });
});

describe("erasing one address", () => {
  let targetMail: (typeof emailOutbox.$inferSelect)[];
  let otherMail: (typeof emailOutbox.$inferSelect)[];
  let report: ReturnType<typeof erasePerson>;

  beforeAll(() => {
    targetMail = mailTo(target);
    otherMail = mailTo(other);
    report = erasePerson(db, adminActor, target);
  });

  it("leaves no row, file, counter or account of it", () => {
    expect(footprint(target)).toEqual({
      subscriber: 0,
      jobApplication: 0,
      upload: 0,
      resumeFile: false,
      declinedApplication: 0,
      declinedHousehold: 0,
      invitation: 0,
      listedInPrimaryApplication: 0,
      mailTo: 0,
      mailAboutRecords: 0,
      account: 0,
      sessions: 0,
      signInTokens: 0,
      limitCounters: 0,
      auditRowsNamingIt: 0,
    });
    expect(emlFilesOf(targetMail)).toEqual([]);
    expect(lookUpPerson(db, target).holdings).toMatchObject({ account: null, newsletter: null, jobApplications: 0, emails: { queued: 0, sending: 0, sent: 0, failed: 0 } });
  });

  it("keeps the primary owner's application whole but for the address: the name stays, the email goes", () => {
    const row = db.select().from(ownerApplicationHousehold).where(and(eq(ownerApplicationHousehold.applicationId, primaryApplicationId), eq(ownerApplicationHousehold.name, "Erin Erased"))).get();
    expect(row).toMatchObject({ email: null });
  });

  it("leaves the other address's data as it was", () => {
    expect(footprint(other)).toEqual(everything);
    expect(mailTo(other)).toEqual(otherMail);
    expect(emlFilesOf(otherMail.filter((row) => row.status === "sent"))).toHaveLength(7);
  });

  it("keeps the campaign's counts: the copy that went out stays as a status without recipient or content", () => {
    expect(getCampaignProgress(campaignId)!.progress).toMatchObject({ sent: 2, total: 2 });
    const copies = db
      .select({ to: emailOutbox.to, text: emailOutbox.text, html: emailOutbox.html, status: emailOutbox.status, subscriberId: newsletterDeliveries.subscriberId })
      .from(newsletterDeliveries)
      .innerJoin(emailOutbox, eq(emailOutbox.id, newsletterDeliveries.emailId))
      .where(eq(newsletterDeliveries.campaignId, campaignId))
      .all();
    expect(copies).toContainEqual({ to: "(erased)", text: ERASED_BODY, html: ERASED_BODY, status: "sent", subscriberId: null });
    expect(JSON.stringify(copies)).not.toContain("Erin");
  });

  it("audits the erasure once, as counts, and the audit log no longer holds the address anywhere", () => {
    const entries = db.select().from(auditLog).where(eq(auditLog.action, "person.erase")).all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorEmail: admin.email, subjectType: "person" });
    expect(entries[0]!.detail).toEqual(report);
    expect(report).toMatchObject({ newsletterSubscribers: 1, jobApplications: 1, resumeFiles: 1, ownerApplications: 1, householdMembers: 1, householdListingsCleared: 1, accounts: 1, sessions: 1, signInLinks: 1, limitCounters: 2, newsletterCopiesKept: 1, auditEntriesMarked: 1 });
    expect(report.emailsDeleted).toBeGreaterThanOrEqual(8);
    expect(JSON.stringify(db.select().from(auditLog).all())).not.toContain(target);
    expect(db.select().from(auditLog).where(eq(auditLog.actorEmail, "(erased)")).all()).toHaveLength(1);
  });

  it("a household member who joined can be erased: the membership goes, the ownership stays", () => {
    expect(lookUpPerson(db, joined).holdings).toMatchObject({ householdMemberships: 1, account: { role: "member", ownerNumber: null } });
    erasePerson(db, adminActor, joined);
    expect(db.select().from(ownerHouseholdMembers).where(eq(ownerHouseholdMembers.id, joinedMemberId)).get()).toBeUndefined();
    expect(db.select().from(users).where(eq(users.email, joined)).get()).toBeUndefined();
    expect(db.select().from(owners).where(eq(owners.id, ownerId)).get()).toBeDefined();
  });

  it("an address the portal holds nothing for is erased as a no-op, audited as zeros", () => {
    expect(erasePerson(db, adminActor, "nobody@example.org")).toMatchObject({ newsletterSubscribers: 0, jobApplications: 0, accounts: 0, emailsDeleted: 0 });
  });
});
