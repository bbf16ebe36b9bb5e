import { eq } from "drizzle-orm";
import { db } from "@/db";
import { claimDueEmails, insertQueuedEmail, requeueFailedEmail } from "@/db/queries/email";
import { emailOutbox } from "@/db/schema";
import { deliverDueEmails, MAX_EMAIL_ATTEMPTS, retryDelay } from "@/lib/email/worker";
import type { EmailTransport, OutgoingEmail } from "@/lib/email/transport";

const message = { to: "reader@example.coop", subject: "Hello", text: "Hi", html: "<p>Hi</p>" };
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
