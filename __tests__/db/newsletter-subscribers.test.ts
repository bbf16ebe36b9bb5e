import { eq } from "drizzle-orm";
import { db } from "@/db";
import { insertQueuedEmail } from "@/db/queries/email";
import { auditLog, emailOutbox, newsletterCampaigns, newsletterDeliveries, newsletterLists, newsletterSubscribers, users } from "@/db/schema";
import { DEFAULT_LIST_SLUG } from "@/lib/model/newsletter";
import { deleteExpiredNewsletterSignups } from "@/lib/newsletter/signup-expiry";
import { saveAccountLists } from "@/lib/newsletter/account-lists";
import { confirmSubscription, describeConfirmLink, signUpForNewsletter } from "@/lib/newsletter/subscriptions";
import { unsubscribeByStaff, unsubscribeByToken } from "@/lib/newsletter/unsubscribe";
import { hashNewsletterToken, newNewsletterToken } from "@/lib/newsletter/tokens";

const subscriberOf = (email: string) => db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)).get();
const mailTo = (email: string) => db.select().from(emailOutbox).where(eq(emailOutbox.to, email)).all();
const tokenIn = (text: string) => /\/newsletter\/confirm\?token=([0-9a-f]{64})/.exec(text)?.[1];
const latestToken = (email: string) => tokenIn(mailTo(email).at(-1)!.text)!;
/** An account to act as: the audit log refers to its user. */
const userNamed = (email: string, name: string | null = null) => ({ ...db.insert(users).values({ id: crypto.randomUUID(), email, name }).returning().get(), name });

describe("signing up", () => {
  it("stores a pending subscriber with only the hash of the token the email carries, and audits without the address", () => {
    signUpForNewsletter({ email: "new@coop.example", firstName: "Nell" }, "203.0.113.1");
    const row = subscriberOf("new@coop.example")!;
    const token = latestToken("new@coop.example");
    expect(row).toMatchObject({ status: "pending", firstName: "Nell", confirmTokenHash: hashNewsletterToken(token), confirmedAt: null });
    expect(row.confirmTokenExpiresAt!.getTime() - row.signedUpAt.getTime()).toBe(7 * 86_400_000);
    expect(JSON.stringify(row)).not.toContain(token);
    const audit = db.select().from(auditLog).where(eq(auditLog.subjectId, String(row.id))).all();
    expect(audit.map((entry) => entry.action)).toEqual(["newsletter_subscriber.signup"]);
    expect(JSON.stringify(audit)).not.toContain("new@coop.example");
  });

  it("sends a fresh link each time up to 3 per hour, then silently nothing, keeping one row", () => {
    for (let i = 0; i < 5; i++) signUpForNewsletter({ email: "again@coop.example", firstName: undefined }, `203.0.113.${10 + i}`);
    expect(db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, "again@coop.example")).all()).toHaveLength(1);
    const tokens = mailTo("again@coop.example").map((mail) => tokenIn(mail.text));
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(3);
    expect(subscriberOf("again@coop.example")!.confirmTokenHash).toBe(hashNewsletterToken(tokens[2]!));
    expect(describeConfirmLink(tokens[0]!)).toEqual({ state: "unknown" });
  });

  it("sends nothing to an address already confirmed", () => {
    signUpForNewsletter({ email: "loyal@coop.example", firstName: undefined }, "203.0.113.20");
    confirmSubscription(latestToken("loyal@coop.example"), "203.0.113.20");
    signUpForNewsletter({ email: "loyal@coop.example", firstName: "Mallory" }, "203.0.113.21");
    expect(mailTo("loyal@coop.example")).toHaveLength(1);
    expect(subscriberOf("loyal@coop.example")).toMatchObject({ status: "confirmed", firstName: null });
  });

  it("keeps an unsubscribed address unsubscribed until the new link is used", () => {
    signUpForNewsletter({ email: "back@coop.example", firstName: undefined }, "203.0.113.30");
    const { unsubscribeUrl } = confirmSubscription(latestToken("back@coop.example"), "203.0.113.30");
    unsubscribeByToken(new URL(unsubscribeUrl).searchParams.get("token")!, "link");
    signUpForNewsletter({ email: "back@coop.example", firstName: undefined }, "203.0.113.31");
    expect(subscriberOf("back@coop.example")!.status).toBe("unsubscribed");
    confirmSubscription(latestToken("back@coop.example"), "203.0.113.32");
    expect(subscriberOf("back@coop.example")).toMatchObject({ status: "confirmed", confirmIp: "203.0.113.32", unsubscribedAt: null });
  });
});

describe("confirming", () => {
  it("stores the time and address of consent and spends the link", () => {
    signUpForNewsletter({ email: "yes@coop.example", firstName: undefined }, "203.0.113.40");
    const token = latestToken("yes@coop.example");
    const before = Date.now();
    confirmSubscription(token, "198.51.100.7");
    const row = subscriberOf("yes@coop.example")!;
    expect(row).toMatchObject({ status: "confirmed", confirmIp: "198.51.100.7", confirmTokenHash: null });
    expect(row.confirmedAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(() => confirmSubscription(token, "198.51.100.7")).toThrow(expect.objectContaining({ code: "not_found" }));
  });

  it("refuses an expired link and changes nothing", () => {
    signUpForNewsletter({ email: "late@coop.example", firstName: undefined }, "203.0.113.50");
    const token = latestToken("late@coop.example");
    db.update(newsletterSubscribers).set({ confirmTokenExpiresAt: new Date(Date.now() - 1000) }).where(eq(newsletterSubscribers.email, "late@coop.example")).run();
    expect(describeConfirmLink(token)).toEqual({ state: "expired" });
    expect(() => confirmSubscription(token, "203.0.113.50")).toThrow(expect.objectContaining({ code: "bad_request" }));
    expect(subscriberOf("late@coop.example")!.status).toBe("pending");
  });
});

describe("unsubscribing", () => {
  function confirmedWithCampaignMail(email: string) {
    signUpForNewsletter({ email, firstName: undefined }, "203.0.113.60");
    confirmSubscription(latestToken(email), "203.0.113.60");
    const subscriberId = subscriberOf(email)!.id;
    const campaignId = db.insert(newsletterCampaigns).values({ subject: `For ${email}`, markdown: "Hi", status: "sending" }).returning().get().id;
    const tokens = [newNewsletterToken(), newNewsletterToken()];
    const [sentId, queuedId] = tokens.map((_, index) => insertQueuedEmail(db, { to: email, subject: `Issue ${index}`, text: "x", html: "x" }, "coop.example"));
    db.update(emailOutbox).set({ status: "sent" }).where(eq(emailOutbox.id, sentId!)).run();
    const otherCampaign = db.insert(newsletterCampaigns).values({ subject: "Other", markdown: "Hi" }).returning().get().id;
    db.insert(newsletterDeliveries)
      .values([
        { campaignId, subscriberId, emailId: sentId, unsubscribeTokenHash: hashNewsletterToken(tokens[0]!) },
        { campaignId: otherCampaign, subscriberId, emailId: queuedId, unsubscribeTokenHash: hashNewsletterToken(tokens[1]!) },
      ])
      .run();
    return { subscriberId, sentId: sentId!, queuedId: queuedId!, deliveryToken: tokens[0]! };
  }

  it("takes a campaign email's token, and cancels the campaign mail still queued in the same transaction", () => {
    const { subscriberId, sentId, queuedId, deliveryToken } = confirmedWithCampaignMail("leaving@coop.example");
    expect(unsubscribeByToken(deliveryToken, "one-click")).toEqual({ alreadyUnsubscribed: false });
    expect(subscriberOf("leaving@coop.example")!.status).toBe("unsubscribed");
    expect(db.select().from(emailOutbox).where(eq(emailOutbox.id, queuedId)).get()).toBeUndefined();
    expect(db.select().from(emailOutbox).where(eq(emailOutbox.id, sentId)).get()!.status).toBe("sent");
    const deliveries = db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.subscriberId, subscriberId)).all();
    expect(deliveries.map((row) => row.status).sort()).toEqual(["cancelled", "queued"]);
    expect(unsubscribeByToken(deliveryToken, "one-click")).toEqual({ alreadyUnsubscribed: true });
  });

  it("changes nothing for an unknown or malformed token", () => {
    const before = db.select().from(newsletterSubscribers).all();
    for (const token of [newNewsletterToken(), "not-a-token", ""]) {
      expect(() => unsubscribeByToken(token, "link")).toThrow(expect.objectContaining({ code: "not_found" }));
    }
    expect(db.select().from(newsletterSubscribers).all()).toEqual(before);
  });

  it("lets staff unsubscribe someone, audited with who did it", () => {
    const { subscriberId } = confirmedWithCampaignMail("asked-at-till@coop.example");
    unsubscribeByStaff(userNamed("staff@coop.example"), subscriberId);
    expect(subscriberOf("asked-at-till@coop.example")!.status).toBe("unsubscribed");
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "newsletter_subscriber.unsubscribe")).all().at(-1)!;
    expect(entry).toMatchObject({ actorEmail: "staff@coop.example", subjectId: String(subscriberId), detail: { via: "staff", cancelledEmails: 1 } });
  });
});

describe("from /account", () => {
  it("confirms at once, with the time and client address, without any email", () => {
    const news = db.select().from(newsletterLists).where(eq(newsletterLists.slug, DEFAULT_LIST_SLUG)).get()!;
    saveAccountLists({ ...userNamed("member@coop.example"), email: "Member@Coop.example", name: "Rosa Parks" }, "198.51.100.9", [news.id], { hasOwnership: false });
    expect(subscriberOf("member@coop.example")).toMatchObject({ status: "confirmed", firstName: "Rosa", confirmIp: "198.51.100.9" });
    expect(mailTo("member@coop.example")).toHaveLength(0);
  });
});

describe("expiry of unconfirmed signups", () => {
  it("deletes pending signups whose link expired, and only those", () => {
    deleteExpiredNewsletterSignups(db, new Date());
    signUpForNewsletter({ email: "expired-a@coop.example", firstName: undefined }, "203.0.113.70");
    signUpForNewsletter({ email: "fresh-a@coop.example", firstName: undefined }, "203.0.113.70");
    const eightDaysOn = new Date(Date.now() + 8 * 86_400_000);
    db.update(newsletterSubscribers).set({ confirmTokenExpiresAt: new Date(Date.now() - 1) }).where(eq(newsletterSubscribers.email, "expired-a@coop.example")).run();
    const confirmedBefore = db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.status, "confirmed")).all().length;
    expect(deleteExpiredNewsletterSignups(db, new Date())).toBe(1);
    expect(subscriberOf("expired-a@coop.example")).toBeUndefined();
    expect(subscriberOf("fresh-a@coop.example")!.status).toBe("pending");
    deleteExpiredNewsletterSignups(db, eightDaysOn);
    expect(db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.status, "pending")).all()).toHaveLength(0);
    expect(db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.status, "confirmed")).all()).toHaveLength(confirmedBefore);
  });
});
