import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import {
  archiveNewsletterList,
  insertNewsletterList,
  listActiveNewsletterLists,
  listNewsletterListsWithCounts,
  updateNewsletterList,
  type NewsletterListFields,
} from "@/db/queries/newsletter-lists";
import { emailOutbox, newsletterListMembers, newsletterLists, newsletterSubscribers, users } from "@/db/schema";
import { DEFAULT_LIST_SLUG } from "@/lib/model/newsletter";
import { saveAccountLists } from "@/lib/newsletter/account-lists";
import { deleteExpiredNewsletterSignups } from "@/lib/newsletter/signup-expiry";
import { confirmSubscription, signUpForNewsletter } from "@/lib/newsletter/subscriptions";
import { unsubscribeByToken } from "@/lib/newsletter/unsubscribe";

const list = (slug: string, fields: Partial<NewsletterListFields> = {}) =>
  insertNewsletterList(db, { name: slug, slug, description: "", audience: "everyone", joinByDefault: false, position: 5, ...fields });

const news = () => db.select().from(newsletterLists).where(eq(newsletterLists.slug, DEFAULT_LIST_SLUG)).get()!.id;
let flyer: number;
let classes: number;
let ownerNews: number;
let retired: number;

beforeAll(() => {
  flyer = list("flyer", { joinByDefault: true, position: 1 });
  classes = list("classes", { position: 2 });
  ownerNews = list("owner-news", { audience: "owners", joinByDefault: true, position: 3 });
  retired = list("retired", { joinByDefault: true, position: 4 });
  archiveNewsletterList(db, retired);
});

const subscriberOf = (email: string) => db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)).get()!;
const memberships = (email: string) =>
  Object.fromEntries(
    db
      .select()
      .from(newsletterListMembers)
      .where(eq(newsletterListMembers.subscriberId, subscriberOf(email).id))
      .all()
      .map((row) => [row.listId, row]),
  );
const statuses = (email: string) => Object.fromEntries(Object.entries(memberships(email)).map(([id, row]) => [id, row.status]));
const latestToken = (email: string) =>
  /\/newsletter\/confirm\?token=([0-9a-f]{64})/.exec(db.select().from(emailOutbox).where(eq(emailOutbox.to, email)).all().at(-1)!.text)![1]!;
const member = (email: string) => ({ ...db.insert(users).values({ id: crypto.randomUUID(), email, name: "Pat Doe" }).returning().get(), name: "Pat Doe" });

describe("signing up to lists", () => {
  it("joins the default lists open to everyone from the form on every page, waiting until the address is confirmed, then records consent per list", () => {
    signUpForNewsletter({ email: "aside@coop.example", firstName: undefined }, "203.0.113.1");
    expect(statuses("aside@coop.example")).toEqual({ [news()]: "pending", [flyer]: "pending" });
    const before = Date.now();
    confirmSubscription(latestToken("aside@coop.example"), "::ffff:198.51.100.4");
    const rows = memberships("aside@coop.example");
    for (const id of [news(), flyer]) {
      expect(rows[id]).toMatchObject({ status: "subscribed", consentIp: "198.51.100.4", consentSource: "form", leftAt: null });
      expect(rows[id]!.consentAt!.getTime()).toBeGreaterThanOrEqual(before);
    }
  });

  it("joins only the lists ticked on /newsletter, never an owners-only or archived one, and refuses a choice of none", () => {
    signUpForNewsletter({ email: "chooser@coop.example", firstName: undefined, lists: [classes, ownerNews, retired, 999_999] }, "203.0.113.2");
    expect(statuses("chooser@coop.example")).toEqual({ [classes]: "pending" });
    const before = db.select().from(newsletterSubscribers).all();
    expect(() => signUpForNewsletter({ email: "nothing@coop.example", firstName: undefined, lists: [ownerNews] }, "203.0.113.2")).toThrow(
      expect.objectContaining({ fieldErrors: { lists: [expect.any(String)] } }),
    );
    expect(db.select().from(newsletterSubscribers).all()).toEqual(before);
  });

  it("replaces an unconfirmed choice with the next signup's", () => {
    signUpForNewsletter({ email: "twice@coop.example", firstName: undefined, lists: [classes, flyer] }, "203.0.113.3");
    signUpForNewsletter({ email: "twice@coop.example", firstName: undefined, lists: [flyer] }, "203.0.113.3");
    confirmSubscription(latestToken("twice@coop.example"), "198.51.100.5");
    expect(statuses("twice@coop.example")).toEqual({ [flyer]: "subscribed" });
  });

  it("never puts back a list someone left by a form alone; their own confirmation of a new choice does, and only the lists chosen", () => {
    const email = "left@coop.example";
    signUpForNewsletter({ email, firstName: undefined, lists: [news(), flyer, classes] }, "203.0.113.4");
    const { unsubscribeUrl } = confirmSubscription(latestToken(email), "198.51.100.6");
    unsubscribeByToken(new URL(unsubscribeUrl).searchParams.get("token")!, "link");
    const left = memberships(email);
    expect(Object.values(left).map((row) => row.status)).toEqual(["left", "left", "left"]);

    // Someone types the address in again: every list stays left, as it was.
    signUpForNewsletter({ email, firstName: undefined, lists: [flyer, classes] }, "203.0.113.99");
    const after = memberships(email);
    for (const id of [news(), flyer, classes]) expect(after[id]).toMatchObject({ status: "left", leftAt: left[id]!.leftAt, consentIp: "198.51.100.6" });

    // The person confirms: the two lists of that signup come back with the new consent, the third stays left.
    confirmSubscription(latestToken(email), "198.51.100.7");
    const confirmed = memberships(email);
    expect(confirmed[flyer]).toMatchObject({ status: "subscribed", consentIp: "198.51.100.7", leftAt: null });
    expect(confirmed[classes]).toMatchObject({ status: "subscribed", consentIp: "198.51.100.7" });
    expect(confirmed[news()]).toMatchObject({ status: "left", leftAt: left[news()]!.leftAt });
  });

  it("changes nothing for a confirmed address, whatever the form ticks", () => {
    const email = "settled@coop.example";
    signUpForNewsletter({ email, firstName: undefined, lists: [flyer] }, "203.0.113.5");
    confirmSubscription(latestToken(email), "198.51.100.8");
    const before = memberships(email);
    signUpForNewsletter({ email, firstName: undefined, lists: [classes] }, "203.0.113.6");
    expect(memberships(email)).toEqual(before);
  });

  it("drops the lists still waiting when an unsubscribed person's new link lapses", () => {
    const email = "lapsed@coop.example";
    signUpForNewsletter({ email, firstName: undefined, lists: [flyer] }, "203.0.113.7");
    const { unsubscribeUrl } = confirmSubscription(latestToken(email), "198.51.100.9");
    unsubscribeByToken(new URL(unsubscribeUrl).searchParams.get("token")!, "link");
    signUpForNewsletter({ email, firstName: undefined, lists: [classes] }, "203.0.113.7");
    expect(statuses(email)).toEqual({ [flyer]: "left", [classes]: "pending" });
    deleteExpiredNewsletterSignups(db, new Date(Date.now() + 8 * 86_400_000));
    expect(statuses(email)).toEqual({ [flyer]: "left" });
  });
});

describe("on /account", () => {
  it("saves the choice at once with consent now and source account; leaving records when; an owners-only list counts only for owners", () => {
    const user = member("chooses@coop.example");
    saveAccountLists(user, "198.51.100.20", [flyer, classes, ownerNews], { hasOwnership: false });
    const first = memberships("chooses@coop.example");
    expect(Object.keys(first).map(Number).sort()).toEqual([flyer, classes].sort());
    expect(first[flyer]).toMatchObject({ status: "subscribed", consentSource: "account", consentIp: "198.51.100.20" });
    expect(subscriberOf("chooses@coop.example")).toMatchObject({ status: "confirmed", firstName: "Pat" });

    saveAccountLists(user, "198.51.100.21", [flyer, ownerNews], { hasOwnership: true });
    const second = memberships("chooses@coop.example");
    expect(second[classes]).toMatchObject({ status: "left", leftAt: expect.any(Date) });
    expect(second[ownerNews]).toMatchObject({ status: "subscribed", consentSource: "account", consentIp: "198.51.100.21" });
    expect(second[flyer]).toEqual(first[flyer]);

    // Their own new choice puts a list they left back.
    saveAccountLists(user, "198.51.100.22", [flyer, classes, ownerNews], { hasOwnership: true });
    expect(memberships("chooses@coop.example")[classes]).toMatchObject({ status: "subscribed", consentIp: "198.51.100.22", leftAt: null });
  });

  it("ticking nothing leaves every list and unsubscribes the address", () => {
    const user = member("none@coop.example");
    saveAccountLists(user, "198.51.100.30", [flyer, classes], { hasOwnership: false });
    saveAccountLists(user, "198.51.100.30", [], { hasOwnership: false });
    expect(subscriberOf("none@coop.example").status).toBe("unsubscribed");
    expect(statuses("none@coop.example")).toEqual({ [flyer]: "left", [classes]: "left" });
  });
});

describe("staff lists", () => {
  it("lists the active ones by position, counts members by status, refuses a taken address, and archives", () => {
    expect(listActiveNewsletterLists(db).map((row) => row.slug)).toEqual(["news", "flyer", "classes", "owner-news"]);
    expect(() => list("flyer")).toThrow(expect.objectContaining({ reason: "slug_taken" }));
    const counts = listNewsletterListsWithCounts(db);
    const flyerCounts = counts.find((row) => row.id === flyer)!;
    const expected = (status: string) =>
      db.select().from(newsletterListMembers).where(and(eq(newsletterListMembers.listId, flyer), eq(newsletterListMembers.status, status as "left"))).all().length;
    expect(flyerCounts).toMatchObject({ subscribed: expected("subscribed"), pending: expected("pending"), left: expected("left") });
    expect(counts.at(-1)!.id).toBe(retired);

    updateNewsletterList(db, classes, { name: "Classes and events", description: "Monthly.", audience: "everyone", joinByDefault: false, position: 0 });
    expect(listActiveNewsletterLists(db).map((row) => row.name).slice(0, 2)).toEqual(["Co-op news", "Classes and events"]);
    expect(() => updateNewsletterList(db, 999_999, { name: "x", description: "", audience: "everyone", joinByDefault: false, position: 0 })).toThrow(
      expect.objectContaining({ reason: "list_not_found" }),
    );
  });
});
