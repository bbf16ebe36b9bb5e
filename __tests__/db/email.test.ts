import { eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { claimDueEmails, insertQueuedEmail, requeueFailedEmail } from "@/db/queries/email";
import { emailOutbox } from "@/db/schema";
import { deliverDueEmails, MAX_EMAIL_ATTEMPTS, retryDelay } from "@/lib/email/worker";
import type { EmailTransport, OutgoingEmail } from "@/lib/email/transport";

const message = { to: "reader@coop.example", subject: "Hello", text: "Hi", html: "<p>Hi</p>" };
const rowOf = (id: number) => db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()!;

function recordingTransport(failWith?: string): EmailTransport & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    sent,
    async send(email) {
      if (failWith) throw new Error(failWith);
      sent.push(email);
    },
  };
}

describe("the email queue", () => {
  it("sends a queued message once and marks it sent", async () => {
    const id = insertQueuedEmail(db, message, "coop.example");
    const transport = recordingTransport();
    await deliverDueEmails(transport, 1000);
    await deliverDueEmails(transport, 1000);
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]!.messageId).toMatch(/^<[0-9a-f-]+@coop\.example>$/);
    expect(rowOf(id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("keeps a message the transport refused, retrying later with growing pauses", async () => {
    const id = insertQueuedEmail(db, message, "coop.example");
    const start = Date.now();
    await deliverDueEmails(recordingTransport("connect ECONNREFUSED"), 1000, new Date(start));
    const row = rowOf(id);
    expect(row).toMatchObject({ status: "queued", attempts: 1, lastError: "connect ECONNREFUSED" });
    expect(row.nextTryAt.getTime()).toBeGreaterThanOrEqual(start + 1000);
    expect(retryDelay(2, 1000)).toBe(2000);
    expect(retryDelay(3, 1000)).toBe(4000);
    expect(retryDelay(40, 1000)).toBe(60 * 60_000);
    // Not due yet: nothing is taken.
    expect(claimDueEmails(new Date(start), 10, 60_000)).toEqual([]);
  });

  it("marks a message failed after the last attempt, and an admin retry queues it again", async () => {
    const id = insertQueuedEmail(db, message, "coop.example");
    const failing = recordingTransport("550 mailbox unavailable");
    for (let attempt = 1; attempt <= MAX_EMAIL_ATTEMPTS; attempt++) {
      db.update(emailOutbox).set({ nextTryAt: new Date(0) }).where(eq(emailOutbox.id, id)).run();
      await deliverDueEmails(failing, 1);
    }
    expect(rowOf(id)).toMatchObject({ status: "failed", attempts: MAX_EMAIL_ATTEMPTS });

    expect(requeueFailedEmail(db, id)).toBe(true);
    expect(rowOf(id)).toMatchObject({ status: "queued", attempts: 0 });
    expect(requeueFailedEmail(db, id)).toBe(false);
  });

  it("takes over a message whose sender died mid-send once its lease runs out", async () => {
    const id = insertQueuedEmail(db, message, "coop.example");
    const now = Date.now();
    expect(claimDueEmails(new Date(now), 10, 1000).map((row) => row.id)).toContain(id);
    expect(claimDueEmails(new Date(now + 500), 10, 1000).map((row) => row.id)).not.toContain(id);
    expect(claimDueEmails(new Date(now + 1500), 10, 1000).map((row) => row.id)).toContain(id);
  });
});

describe("messages that carry a sign-in link", () => {
  it("keep their body while the link lives and lose it once it has expired and the message is sent", async () => {
    const { seedDatabase } = await import("@/db/cli/seed");
    const { requestSignInLink } = await import("@/lib/auth/sign-in-links");
    const { REDACTED_BODY, redactExpiredEmailBodies } = await import("@/db/queries/email");
    await seedDatabase(db, { demo: false });
    await deliverDueEmails(recordingTransport(), 1000); // earlier tests' mail out of the way

    expect(requestSignInLink({ email: "redact-me@coop.example", ip: "192.0.2.7" })).toEqual({ ok: true });
    const row = db.select().from(emailOutbox).where(eq(emailOutbox.to, "redact-me@coop.example")).get()!;
    expect(row.text).toMatch(/\/login\/verify\?token=[0-9a-f]{64}/);
    const expires = row.redactAfter!.getTime();
    expect(expires).toBeGreaterThan(Date.now() + 9 * 60_000);

    const waiting = insertQueuedEmail(db, { ...message, redactAfter: new Date(expires) }, "coop.example");
    expect(redactExpiredEmailBodies(new Date(expires + 1))).toBe(0); // not sent yet: nothing to blank
    await deliverDueEmails(recordingTransport(), 1000);
    expect(redactExpiredEmailBodies(new Date(expires - 1))).toBe(0); // sent, link still alive
    expect(rowOf(row.id).text).toContain("/login/verify?token=");

    expect(redactExpiredEmailBodies(new Date(expires + 1))).toBe(2);
    expect(rowOf(row.id)).toMatchObject({ text: REDACTED_BODY, html: REDACTED_BODY, redactAfter: null, status: "sent" });
    expect(rowOf(waiting).text).toBe(REDACTED_BODY);
    expect(JSON.stringify(db.select().from(emailOutbox).all())).not.toMatch(/token=[0-9a-f]{64}/);
  });

  it("once blanked, cannot be put back in the queue (it would send the placeholder)", async () => {
    const { REDACTED_BODY, redactExpiredEmailBodies, requeueFailedEmail } = await import("@/db/queries/email");
    const blanked = insertQueuedEmail(db, { ...message, redactAfter: new Date(Date.now() - 1) }, "coop.example");
    const plain = insertQueuedEmail(db, message, "coop.example");
    db.update(emailOutbox).set({ status: "failed" }).where(inArray(emailOutbox.id, [blanked, plain])).run();
    redactExpiredEmailBodies(new Date());
    expect(rowOf(blanked).text).toBe(REDACTED_BODY);
    expect(requeueFailedEmail(db, blanked)).toBe(false);
    expect(requeueFailedEmail(db, plain)).toBe(true);
    expect([rowOf(blanked).status, rowOf(plain).status]).toEqual(["failed", "queued"]);
  });
});
