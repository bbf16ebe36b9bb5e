import { createHash } from "node:crypto";
import { eq, like, sql } from "drizzle-orm";
import { db } from "@/db";
import { getCampaignProgress, insertCampaign, listSentCampaigns, startCampaignSend } from "@/db/queries/newsletter-campaigns";
import { emailOutbox, newsletterCampaignLists, newsletterCampaigns, newsletterDeliveries, newsletterListMembers, newsletterLists, newsletterSubscribers, users } from "@/db/schema";
import { REDACTED_BODY, redactExpiredEmailBodies } from "@/db/queries/email";
import { seedDatabase } from "@/db/cli/seed";
import { deliverDueEmails } from "@/lib/email/worker";
import { queueCampaignBatch } from "@/lib/newsletter/campaign-sender";

// The unified stack is ESM only and jest here runs CommonJS; the Markdown is checked over HTTP.
jest.mock("@/lib/markdown/to-tree", () => ({
  markdownToTree: (markdown: string) => ({ type: "root", children: [{ type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: markdown }] }] }),
}));

const count = (table: typeof emailOutbox | typeof newsletterDeliveries) => db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;

let staffId: string;
let campaignId: number;

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  staffId = db.select().from(users).where(eq(users.email, "staff@coop.example")).get()!.id;
  // This file's seven readers are the whole list: the demo subscribers go.
  db.delete(newsletterSubscribers).where(like(newsletterSubscribers.email, "%@coop.example")).run();
  const readers = db
    .insert(newsletterSubscribers)
    .values(Array.from({ length: 7 }, (_, i) => ({ email: `reader-${i}@coop.example`, status: "confirmed" as const, confirmedAt: new Date() })))
    .returning()
    .all();
  db.insert(newsletterSubscribers).values({ email: "pending@coop.example", status: "pending" }).run();
  // All seven are on the first list, as the migration put every confirmed subscriber.
  const news = db.select().from(newsletterLists).where(eq(newsletterLists.slug, "news")).get()!;
  db.insert(newsletterListMembers)
    .values(readers.map((reader) => ({ listId: news.id, subscriberId: reader.id, status: "subscribed" as const, chosenAt: new Date(), consentAt: new Date(), consentSource: "form" as const })))
    .run();
  campaignId = insertCampaign(db, { subject: "Frost & <squash>", markdown: "Hello neighbours & friends" }, staffId);
  db.insert(newsletterCampaignLists).values({ campaignId, listId: news.id }).run();
});

describe("demo campaigns", () => {
  it("are two archived campaigns, stored as sent with their addresses, that emailed nobody", async () => {
    const sent = listSentCampaigns();
    expect(sent).toHaveLength(2);
    expect(sent.every((campaign) => campaign.slug && campaign.sentAt && campaign.sentAt.getTime() < Date.now())).toBe(true);
    expect(count(newsletterDeliveries)).toBe(0);
    expect((await seedDatabase(db, { demo: true })).demoCampaignsAdded).toBe(0);
  });
});

describe("queueing a campaign", () => {
  it("queues nothing for a draft", () => {
    expect(queueCampaignBatch(campaignId, 3)).toEqual({ queued: 0, finished: false });
    expect(getCampaignProgress(campaignId)).toEqual({ status: "draft", progress: null });
  });

  it("queues each confirmed subscriber once, in batches, skips one who unsubscribed meanwhile, then marks the campaign sent", async () => {
    startCampaignSend(db, campaignId, "frost-squash");
    expect(getCampaignProgress(campaignId)!.progress).toMatchObject({ sent: 0, remaining: 7, total: 7 });

    expect(queueCampaignBatch(campaignId, 3)).toEqual({ queued: 3, finished: false });
    db.update(newsletterSubscribers).set({ status: "unsubscribed" }).where(eq(newsletterSubscribers.email, "reader-5@coop.example")).run();
    expect(getCampaignProgress(campaignId)!.progress).toMatchObject({ queued: 3, remaining: 3, total: 6 });
    expect(queueCampaignBatch(campaignId, 3)).toEqual({ queued: 3, finished: false });
    expect(queueCampaignBatch(campaignId, 3)).toEqual({ queued: 0, finished: true });
    expect(queueCampaignBatch(campaignId, 3)).toEqual({ queued: 0, finished: false });

    const deliveries = db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.campaignId, campaignId)).all();
    const emails = db.select().from(emailOutbox).all();
    expect(deliveries).toHaveLength(6);
    expect(emails.map((email) => email.to).sort()).toEqual(["reader-0", "reader-1", "reader-2", "reader-3", "reader-4", "reader-6"].map((name) => `${name}@coop.example`));
    expect(db.select().from(newsletterCampaigns).where(eq(newsletterCampaigns.id, campaignId)).get()).toMatchObject({ status: "sent", sentAt: expect.any(Date) });

    for (const delivery of deliveries) {
      const email = emails.find((row) => row.id === delivery.emailId)!;
      expect(email.messageId).toBe(`<campaign-${campaignId}.subscriber-${delivery.subscriberId}@localhost>`);
      const token = /token=([0-9a-f]{64})>$/.exec(email.headers["List-Unsubscribe"]!)![1]!;
      expect(createHash("sha256").update(token).digest("hex")).toBe(delivery.unsubscribeTokenHash);
      expect(email.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "List-Id": expect.stringMatching(/<newsletter\.localhost>$/) });
      expect(email.text).toContain(`token=${token}`);
      expect(email.html).toContain(`token=${token}`);
      expect(email.html).toContain("Frost &amp; &lt;squash&gt;");
      expect(email.html).toContain("Hello neighbours &amp; friends");
    }
    expect(new Set(deliveries.map((delivery) => delivery.unsubscribeTokenHash)).size).toBe(6);

    expect(getCampaignProgress(campaignId)!.progress).toEqual({ queued: 6, sent: 0, failed: 0, remaining: 0, total: 6 });
    await deliverDueEmails({ send: async () => undefined }, 1000);
    expect(getCampaignProgress(campaignId)!.progress).toEqual({ queued: 0, sent: 6, failed: 0, remaining: 0, total: 6 });
  });

  it("keeps the sent copies' unsubscribe links in the outbox for a week only, then blanks bodies and headers", () => {
    const sent = db.select().from(emailOutbox).where(like(emailOutbox.to, "reader-%")).all();
    expect(sent).toHaveLength(6);
    const aWeekOn = (email: (typeof sent)[number]) => email.createdAt.getTime() + 7 * 24 * 60 * 60_000;
    for (const email of sent) expect(Math.abs(email.redactAfter!.getTime() - aWeekOn(email))).toBeLessThan(60_000);

    expect(redactExpiredEmailBodies(new Date(Date.now() + 6 * 24 * 60 * 60_000))).toBe(0);
    expect(redactExpiredEmailBodies(new Date(Date.now() + 8 * 24 * 60 * 60_000))).toBe(6);
    for (const email of db.select().from(emailOutbox).where(like(emailOutbox.to, "reader-%")).all()) {
      expect(email).toMatchObject({ text: REDACTED_BODY, html: REDACTED_BODY, headers: {}, redactAfter: null, messageId: expect.stringMatching(/^<campaign-/) });
    }
  });
});
