import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { insertQueuedEmail } from "@/db/queries/email";
import { clearEmailsFinishedBefore } from "@/db/queries/email-retention";
import { countBouncedForCampaign, listBouncedSubscribers } from "@/db/queries/newsletter-bounces";
import { auditLog, emailOutbox, newsletterCampaigns, newsletterDeliveries, newsletterSubscribers, users } from "@/db/schema";
import { createEmailTransport } from "@/lib/email/transport";
import { deliverDueEmails } from "@/lib/email/worker";
import { getEnv } from "@/lib/env";
import { classifyDeliveryError, clearBounceByStaff } from "@/lib/newsletter/bounces";
import { startSmtpReceiver, type SmtpReceiver } from "../helpers/smtp-receiver";

// A real SMTP server answers: the errors the worker reads are nodemailer's own.
const refusals = new Map<string, 550 | 451>();
let receiver: SmtpReceiver;
let transport: ReturnType<typeof createEmailTransport>;
let campaignId: number;
const campaigns: number[] = [];
const staff = { id: "staff-test", email: "staff@coop.example" };
const bouncedCopies = () => campaigns.reduce((sum, id) => sum + countBouncedForCampaign(id), 0);

const subscriber = (email: string) => db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)).get()!;
const outboxRow = (id: number) => db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()!;
const limit = getEnv().bounceAfterTemporaryFailures;

function addSubscriber(email: string) {
  return db.insert(newsletterSubscribers).values({ email, status: "confirmed", confirmedAt: new Date() }).returning().get().id;
}

let deliveryCount = 0;
/** A campaign copy for a subscriber (of a new campaign: one copy per campaign and person), queued as the sender queues it. */
function queueCopy(subscriberId: number, to: string) {
  campaignId = db.insert(newsletterCampaigns).values({ subject: "News", markdown: "Hello", status: "sending", slug: `news-${deliveryCount}` }).returning().get().id;
  campaigns.push(campaignId);
  const emailId = insertQueuedEmail(db, { to, subject: "News", text: "Hello", html: "<p>Hello</p>" }, "coop.example");
  db.insert(newsletterDeliveries).values({ campaignId, subscriberId, emailId, unsubscribeTokenHash: `hash-${++deliveryCount}` }).run();
  return emailId;
}
const queueOther = (to: string) => insertQueuedEmail(db, { to, subject: "Your sign-in link", text: "Link", html: "<p>Link</p>" }, "coop.example");

/** Runs the worker until nothing is due now (retries are made due at once). */
async function deliverAll() {
  for (let round = 0; round < 20; round++) {
    db.update(emailOutbox).set({ nextTryAt: new Date(0) }).where(eq(emailOutbox.status, "queued")).run();
    if ((await deliverDueEmails(transport, 1)) === 0) return;
  }
}

beforeAll(async () => {
  receiver = await startSmtpReceiver({ folder: fs.mkdtempSync(path.join(os.tmpdir(), "bounces-")), refusals });
  // No pool: each message on its own connection, so nothing stays open after the tests.
  transport = createEmailTransport({ ...getEnv(), smtpUrl: `smtp://127.0.0.1:${receiver.port}?pool=false` });
  db.insert(users).values({ id: staff.id, email: staff.email, role: "staff" }).run();
});

afterAll(() => receiver.stop());

describe("a permanent refusal", () => {
  it("marks the subscriber bounced with the server's words, fails the message at once, and withdraws their other queued copies", async () => {
    const id = addSubscriber("gone@coop.example");
    refusals.set("gone@coop.example", 550);
    const first = queueCopy(id, "gone@coop.example");
    await deliverDueEmails(transport, 1);
    expect(outboxRow(first)).toMatchObject({ status: "failed", attempts: 1 });
    expect(outboxRow(first).lastError).toMatch(/^Bounced: .*550 5\.1\.1 No such mailbox here/);
    expect(subscriber("gone@coop.example")).toMatchObject({ bounceReason: "550 5.1.1 No such mailbox here" });
    expect(subscriber("gone@coop.example").bouncedAt).toBeInstanceOf(Date);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "newsletter_subscriber.bounce")).all()).toHaveLength(1);

    // A copy queued after (or requeued by staff) is not sent, and counts as bounced.
    refusals.delete("gone@coop.example");
    const later = queueCopy(id, "gone@coop.example");
    const before = fs.readdirSync(receiver.folder).length;
    await deliverAll();
    expect(outboxRow(later)).toMatchObject({ status: "failed", lastError: expect.stringMatching(/^Bounced: not sent/) });
    expect(fs.readdirSync(receiver.folder)).toHaveLength(before);
    expect(countBouncedForCampaign(campaigns[0]!)).toBe(1);
    expect(countBouncedForCampaign(campaigns[1]!)).toBe(1);
    expect(listBouncedSubscribers().map((row) => row.email)).toEqual(["gone@coop.example"]);
  });

  it("of mail someone asked for counts too, but such mail is still tried afterwards", async () => {
    addSubscriber("asks@coop.example");
    refusals.set("asks@coop.example", 550);
    queueOther("asks@coop.example");
    await deliverAll();
    expect(subscriber("asks@coop.example").bouncedAt).toBeInstanceOf(Date);

    refusals.delete("asks@coop.example");
    const signIn = queueOther("asks@coop.example");
    await deliverAll();
    expect(outboxRow(signIn).status).toBe("sent");
    expect(subscriber("asks@coop.example").bouncedAt).toBeInstanceOf(Date); // a delivery does not clear a bounce
  });

  it("of an address nobody subscribed with only fails the message", async () => {
    refusals.set("stranger@coop.example", 550);
    const id = queueOther("stranger@coop.example");
    await deliverAll();
    expect(outboxRow(id)).toMatchObject({ status: "failed", attempts: 1 });
    expect(db.select({ n: sql<number>`count(*)` }).from(newsletterSubscribers).where(eq(newsletterSubscribers.email, "stranger@coop.example")).get()!.n).toBe(0);
  });
});

describe("temporary refusals", () => {
  it("count up, reset on a success, and mark the address bounced once they reach the limit in a row", async () => {
    const id = addSubscriber("busy@coop.example");
    refusals.set("busy@coop.example", 451);
    const copy = queueCopy(id, "busy@coop.example");
    for (let attempt = 1; attempt < limit; attempt++) {
      db.update(emailOutbox).set({ nextTryAt: new Date(0) }).where(eq(emailOutbox.id, copy)).run();
      await deliverDueEmails(transport, 1);
    }
    expect(subscriber("busy@coop.example")).toMatchObject({ temporaryFailures: limit - 1, bouncedAt: null });
    expect(outboxRow(copy).status).toBe("queued");

    refusals.delete("busy@coop.example");
    await deliverAll();
    expect(outboxRow(copy).status).toBe("sent");
    expect(subscriber("busy@coop.example")).toMatchObject({ temporaryFailures: 0, bouncedAt: null });

    refusals.set("busy@coop.example", 451);
    const next = queueCopy(id, "busy@coop.example");
    const waiting = queueCopy(id, "busy@coop.example");
    db.update(emailOutbox).set({ nextTryAt: new Date(Date.now() + 3_600_000) }).where(eq(emailOutbox.id, waiting)).run();
    for (let attempt = 1; attempt <= limit; attempt++) {
      db.update(emailOutbox).set({ nextTryAt: new Date(0) }).where(eq(emailOutbox.id, next)).run();
      await deliverDueEmails(transport, 1);
    }
    const bounced = subscriber("busy@coop.example");
    expect(bounced.bouncedAt).toBeInstanceOf(Date);
    expect(bounced.bounceReason).toBe(`451 4.2.1 Mailbox busy, try again later (${limit} temporary failures in a row)`);
    // The copy being retried and the one waiting are both withdrawn.
    expect(outboxRow(next)).toMatchObject({ status: "failed", lastError: expect.stringMatching(/^Bounced: /) });
    expect(outboxRow(waiting)).toMatchObject({ status: "failed", lastError: expect.stringMatching(/^Bounced: /) });
  });

  it("do not count when the connection fails or the sender is refused: that says nothing about the address", () => {
    expect(classifyDeliveryError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ESOCKET" }))).toBeNull();
    expect(classifyDeliveryError(Object.assign(new Error("Mail command failed: 550 sender"), { responseCode: 550, command: "MAIL FROM", response: "550 sender" }))).toBeNull();
    expect(classifyDeliveryError(Object.assign(new Error("Message failed: 554 no"), { responseCode: 554, command: "DATA", response: "554 no" }))).toEqual({ kind: "permanent", reason: "554 no" });
  });
});

describe("staff clearing a bounce", () => {
  it("lets campaign mail go to the address again, with a fresh count, audited", async () => {
    const id = subscriber("gone@coop.example").id;
    expect(clearBounceByStaff(staff, id)).toEqual({ cleared: true });
    expect(subscriber("gone@coop.example")).toMatchObject({ bouncedAt: null, bounceReason: null, temporaryFailures: 0 });
    expect(clearBounceByStaff(staff, id)).toEqual({ cleared: false });
    expect(db.select().from(auditLog).where(eq(auditLog.action, "newsletter_subscriber.clear_bounce")).all()).toHaveLength(1);

    const copy = queueCopy(id, "gone@coop.example");
    await deliverAll();
    expect(outboxRow(copy).status).toBe("sent");
    expect(() => clearBounceByStaff(staff, 999_999)).toThrow("no longer exists");
  });

  it("leaves the campaign's count of bounced copies as it was, even once the outbox clears their content", () => {
    expect(bouncedCopies()).toBe(4);
    clearEmailsFinishedBefore(db, new Date(Date.now() + 365 * 86_400_000));
    expect(bouncedCopies()).toBe(4);
    expect(db.select().from(emailOutbox).all().some((row) => row.lastError?.includes("No such mailbox"))).toBe(false);
  });
});
