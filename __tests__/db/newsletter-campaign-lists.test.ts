import { and, eq, inArray, like } from "drizzle-orm";
import { db } from "@/db";
import { seedDatabase } from "@/db/cli/seed";
import { countCampaignRecipients, countUnsubscribedFromCampaign } from "@/db/queries/newsletter-campaign-lists";
import { getCampaignOrThrow, insertCampaign, scheduleDraftCampaign } from "@/db/queries/newsletter-campaigns";
import { emailOutbox, newsletterCampaignLists, newsletterDeliveries, newsletterListMembers, newsletterLists, newsletterSubscribers, owners, users } from "@/db/schema";
import type { CampaignSegment } from "@/lib/model/newsletter";
import { queueCampaignBatch, startDueScheduledCampaigns } from "@/lib/newsletter/campaign-sender";
import { unsubscribeByToken } from "@/lib/newsletter/unsubscribe";

// The unified stack is ESM only and jest here runs CommonJS; the Markdown is checked over HTTP.
jest.mock("@/lib/markdown/to-tree", () => ({
  markdownToTree: (markdown: string) => ({ type: "root", children: [{ type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: markdown }] }] }),
}));

const DAY = 24 * 60 * 60_000;
let staffId: string;
const list: Record<"flyers" | "classes" | "owners", number> = { flyers: 0, classes: 0, owners: 0 };
const person: Record<string, number> = {};

/** A subscriber with their memberships; `owner` gives the address an active ownership. */
function addPerson(name: string, options: { status?: "confirmed" | "pending" | "unsubscribed"; bounced?: boolean; owner?: boolean; on?: [keyof typeof list, "subscribed" | "pending" | "left", number?][] }) {
  const email = `${name}@lists.example`;
  const id = db
    .insert(newsletterSubscribers)
    .values({ email, status: options.status ?? "confirmed", confirmedAt: new Date(), bouncedAt: options.bounced ? new Date() : null })
    .returning()
    .get().id;
  for (const [slug, status, daysAgo = 30] of options.on ?? []) {
    const at = new Date(Date.now() - daysAgo * DAY);
    db.insert(newsletterListMembers)
      .values({ listId: list[slug], subscriberId: id, status, chosenAt: at, consentAt: status === "pending" ? null : at, consentSource: "form", leftAt: status === "left" ? at : null })
      .run();
  }
  if (options.owner) {
    const userId = db.insert(users).values({ email }).returning().get().id;
    db.insert(owners).values({ ownerNumber: 9000 + id, userId, name, planId: "standard", joinedOn: "2026-01-01" }).run();
  }
  person[name] = id;
}

function campaignTo(slugs: (keyof typeof list)[], segment: CampaignSegment | null = null) {
  const id = insertCampaign(db, { subject: `To ${slugs.join(" and ")}`, markdown: "Hello", segment }, staffId);
  db.insert(newsletterCampaignLists)
    .values(slugs.map((slug) => ({ campaignId: id, listId: list[slug] })))
    .run();
  return id;
}

/** Starts a draft as staff would and queues it to the end; returns the addresses it reached. */
function sendNow(id: number) {
  scheduleDraftCampaign(db, id, new Date(Date.now() - 1000));
  expect(startDueScheduledCampaigns()).toBe(1);
  while (queueCampaignBatch(id, 2).queued > 0);
  return reached(id);
}

const reached = (id: number) =>
  db
    .select({ email: newsletterSubscribers.email })
    .from(newsletterDeliveries)
    .innerJoin(newsletterSubscribers, eq(newsletterSubscribers.id, newsletterDeliveries.subscriberId))
    .where(eq(newsletterDeliveries.campaignId, id))
    .all()
    .map((row) => row.email.replace("@lists.example", ""))
    .sort();

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  staffId = db.select().from(users).where(eq(users.email, "staff@coop.example")).get()!.id;
  db.delete(newsletterSubscribers).where(like(newsletterSubscribers.email, "%@coop.example")).run();
  for (const [slug, audience] of [
    ["flyers", "everyone"],
    ["classes", "everyone"],
    ["owners", "owners"],
  ] as const) {
    list[slug] = db.insert(newsletterLists).values({ slug, name: `The ${slug}`, audience }).returning().get().id;
  }
  addPerson("ada", { on: [["flyers", "subscribed"]] });
  addPerson("ben", { on: [["flyers", "subscribed"], ["classes", "subscribed", 2]] });
  addPerson("cy", { bounced: true, on: [["flyers", "subscribed"]] });
  addPerson("dee", { on: [["flyers", "pending"]] });
  addPerson("eli", { on: [["flyers", "left"], ["classes", "subscribed", 2]] });
  addPerson("fay", { status: "unsubscribed", on: [["flyers", "subscribed"]] });
  addPerson("gus", { status: "pending", on: [["flyers", "subscribed"]] });
  addPerson("ola", { owner: true, on: [["owners", "subscribed"], ["flyers", "subscribed"]] });
  addPerson("oki", { owner: true, bounced: true, on: [["owners", "subscribed"]] });
  addPerson("pat", { on: [["owners", "subscribed"]] });
});

describe("who a campaign reaches", () => {
  it("its lists' confirmed, not bounced, subscribed members, each once however many of its lists they are on", () => {
    const id = campaignTo(["flyers", "classes"]);
    expect(countCampaignRecipients(db, id, null)).toBe(4);
    expect(sendNow(id)).toEqual(["ada", "ben", "eli", "ola"]);
    expect(getCampaignOrThrow(db, id)).toMatchObject({ status: "sent", recipientCount: 4, sendAt: expect.any(Date) });
  });

  it("an owners-only list reaches only those who still have an ownership; narrowed to owners, only owners", () => {
    expect(sendNow(campaignTo(["owners"]))).toEqual(["ola"]);
    expect(sendNow(campaignTo(["owners"], { ownership: "owners" }))).toEqual(["ola"]);
    expect(sendNow(campaignTo(["flyers"], { ownership: "owners" }))).toEqual(["ola"]);
    expect(sendNow(campaignTo(["flyers"], { ownership: "not_owners" }))).toEqual(["ada", "ben"]);
  });

  it("an archived list reaches nobody, also from a draft that chose it before it was archived", () => {
    const id = campaignTo(["classes", "flyers"]);
    db.update(newsletterLists).set({ archivedAt: new Date() }).where(eq(newsletterLists.id, list.classes)).run();
    try {
      expect(sendNow(id)).toEqual(["ada", "ben", "ola"]);
    } finally {
      db.update(newsletterLists).set({ archivedAt: null }).where(eq(newsletterLists.id, list.classes)).run();
    }
  });

  it("narrowed by when they joined the list", () => {
    const threeDaysAgo = new Date(Date.now() - 3 * DAY).toISOString().slice(0, 10);
    expect(sendNow(campaignTo(["classes"], { ownership: "any", subscribedFrom: threeDaysAgo }))).toEqual(["ben", "eli"]);
    expect(sendNow(campaignTo(["flyers", "classes"], { ownership: "any", subscribedBefore: threeDaysAgo }))).toEqual(["ada", "ben", "ola"]);
  });
});

describe("a scheduled campaign", () => {
  it("starts when its time comes, not before; one whose schedule was cancelled never starts", () => {
    const at = new Date(Date.now() + 60 * 60_000);
    const scheduled = campaignTo(["flyers"]);
    const cancelled = campaignTo(["flyers"]);
    scheduleDraftCampaign(db, scheduled, at);
    scheduleDraftCampaign(db, cancelled, at);
    scheduleDraftCampaign(db, cancelled, null);
    expect(startDueScheduledCampaigns(new Date(at.getTime() - 1000))).toBe(0);
    expect(getCampaignOrThrow(db, scheduled).status).toBe("draft");
    expect(startDueScheduledCampaigns(at)).toBe(1);
    expect(getCampaignOrThrow(db, scheduled)).toMatchObject({ status: "sending", recipientCount: 3, slug: expect.any(String) });
    expect(startDueScheduledCampaigns(new Date(at.getTime() + 365 * DAY))).toBe(0);
    expect(getCampaignOrThrow(db, cancelled)).toMatchObject({ status: "draft", sendAt: null });
  });
});

describe("one-click unsubscribe from a campaign email", () => {
  it("leaves only the lists that email was sent to, withdraws waiting emails of campaigns on no list left, and counts for that campaign", () => {
    const flyers = campaignTo(["flyers"]);
    const classes = campaignTo(["classes"]);
    sendNow(flyers);
    // A second flyer and a class email waiting in the outbox for Ben.
    const nextFlyer = campaignTo(["flyers"]);
    sendNow(classes);
    sendNow(nextFlyer);
    const delivery = (campaignId: number) =>
      db
        .select({ status: newsletterDeliveries.status, emailId: newsletterDeliveries.emailId, headers: emailOutbox.headers, text: emailOutbox.text })
        .from(newsletterDeliveries)
        .leftJoin(emailOutbox, eq(emailOutbox.id, newsletterDeliveries.emailId))
        .where(and(eq(newsletterDeliveries.campaignId, campaignId), eq(newsletterDeliveries.subscriberId, person.ben!)))
        .get()!;
    const first = delivery(flyers);
    // The footer says which list the email came from, and its link leaves that list.
    expect(first.text).toMatch(/subscribed to .+’s list “The flyers”\.\n.*\nChoose which lists you get: \S+\/newsletter\/preferences\?token=[0-9a-f]{64}\nLeave this list \(one click, no questions\): /);
    const token = /token=([0-9a-f]{64})>$/.exec(first.headers!["List-Unsubscribe"]!)![1]!;

    expect(unsubscribeByToken(token, "one-click")).toEqual({ alreadyUnsubscribed: false, lists: ["The flyers"] });
    const memberships = db.select().from(newsletterListMembers).where(eq(newsletterListMembers.subscriberId, person.ben!)).all();
    expect(Object.fromEntries(memberships.map((row) => [row.listId, row.status]))).toEqual({ [list.flyers]: "left", [list.classes]: "subscribed" });
    expect(db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.id, person.ben!)).get()!.status).toBe("confirmed");
    expect(delivery(nextFlyer)).toMatchObject({ status: "cancelled", emailId: null });
    expect(delivery(classes)).toMatchObject({ status: "queued", emailId: expect.any(Number) });
    expect(countUnsubscribedFromCampaign(flyers)).toBe(1);
    expect(countUnsubscribedFromCampaign(classes)).toBe(0);

    expect(unsubscribeByToken(token, "link")).toEqual({ alreadyUnsubscribed: true, lists: ["The flyers"] });
    expect(countUnsubscribedFromCampaign(flyers)).toBe(1);
    expect(sendNow(campaignTo(["flyers", "classes"]))).toContain("ben");
    expect(sendNow(campaignTo(["flyers"]))).not.toContain("ben");
    expect(db.select().from(newsletterDeliveries).where(inArray(newsletterDeliveries.subscriberId, [person.cy!, person.oki!])).all()).toEqual([]);
  });
});
