import path from "node:path";
import { callAction, forgedSessionCookie, hasField, scrapeForm, type ActionAnswer } from "../helpers/forms";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { mailingPortalEnv, startPortal, temporaryDataDir, type RunningPortal } from "../helpers/portal-server";
import { emailFiles, startSmtpReceiver, type ReceivedEmail, type SmtpReceiver } from "../helpers/smtp-receiver";
import { waitFor } from "../helpers/wait-for";
import { readMailbox, waitForEmail } from "../helpers/wait-for-email";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(120_000);

const stamp = Date.now();
const count = (table: string, dataDir?: string) => (withPortalDb((db) => db.prepare(`select count(*) as n from ${table}`).get(), dataDir) as { n: number }).n;
const campaignRow = (id: number, dataDir?: string) =>
  withPortalDb((db) => db.prepare("select id, slug, subject, markdown, status, sent_at from newsletter_campaigns where id = ?").get(id), dataDir) as
    | { id: number; slug: string | null; subject: string; markdown: string; status: string; sent_at: number | null }
    | undefined;

function addSubscribers(emails: string[], status: "confirmed" | "pending" | "unsubscribed", dataDir?: string) {
  withPortalDb((db) => {
    const insert = db.prepare("insert into newsletter_subscribers (email, status, signed_up_at, confirmed_at) values (?, ?, ?, ?)");
    db.transaction(() => {
      for (const email of emails) insert.run(email, status, Date.now(), status === "pending" ? null : Date.now());
    })();
  }, dataDir);
}

const idFrom = (answer: ActionAnswer) => Number(/\/campaigns\/(\d+)\?/.exec((answer as { redirect: string }).redirect)![1]);
const pickByButton = (label: string) => (form: HTMLFormElement) => (form.textContent ?? "").includes(label);

/** Each staff action's form, scraped from its page as staff see it: the action ids come from there. */
async function forms(cookie: string, id: number) {
  return {
    create: await scrapeForm("/staff/newsletter/campaigns/new", cookie, hasField("subject")),
    edit: await scrapeForm(`/staff/newsletter/campaigns/${id}`, cookie, hasField("markdown")),
    test: await scrapeForm(`/staff/newsletter/campaigns/${id}`, cookie, pickByButton("Send a test to me")),
    remove: await scrapeForm(`/staff/newsletter/campaigns/${id}`, cookie, pickByButton("Delete the draft")),
    send: await scrapeForm(`/staff/newsletter/campaigns/${id}?confirm=send`, cookie, hasField("confirm", "yes")),
  };
}

async function createCampaign(cookie: string, subject: string, markdown: string) {
  const create = await scrapeForm("/staff/newsletter/campaigns/new", cookie, hasField("subject"));
  const answer = await callAction("/staff/newsletter/campaigns/new", { ...create, subject, markdown }, cookie);
  expect(answer).toEqual({ redirect: expect.stringMatching(/^\/staff\/newsletter\/campaigns\/\d+\?created=1$/) });
  return idFrom(answer);
}

const messageIdPattern = (campaignId: number) => new RegExp(`^<campaign-${campaignId}\\.subscriber-\\d+@127\\.0\\.0\\.1>$`);

describe("on the shared portal", () => {
  let member: string;
  let staff: string;
  let draftId: number;
  const staffEmail = `campaign-staff-${stamp}@coop.example`;
  const readers = [0, 1, 2].map((i) => `campaign-reader-${i}-${stamp}@coop.example`);
  const pending = `campaign-pending-${stamp}@coop.example`;
  const gone = `campaign-gone-${stamp}@coop.example`;

  beforeAll(async () => {
    member = storedSessionCookie(`campaign-member-${stamp}@coop.example`, "member");
    staff = storedSessionCookie(staffEmail, "staff");
    addSubscribers(readers, "confirmed");
    addSubscribers([pending], "pending");
    addSubscribers([gone], "unsubscribed");
    draftId = await createCampaign(staff, `Draft kept ${stamp}`, "A draft nobody outside staff may touch.");
  });

  describe("campaign actions and routes refuse anyone but staff themselves", () => {
    it.each([
      ["no session", () => forgedSessionCookie, "Please sign in first."],
      ["a member", () => member, "This is for co-op staff."],
    ])("%s: every action answers with its own refusal and no row changes", async (_caller, cookie, message) => {
      const { create, edit, test, remove, send } = await forms(staff, draftId);
      const snapshot = () => ({ campaigns: count("newsletter_campaigns"), draft: campaignRow(draftId), outbox: count("email_outbox"), deliveries: count("newsletter_deliveries") });
      const before = snapshot();
      const calls: [string, Record<string, string>][] = [
        ["/staff/newsletter/campaigns/new", { ...create, subject: "Taken over", markdown: "Spam" }],
        [`/staff/newsletter/campaigns/${draftId}`, { ...edit, subject: "Renamed by a stranger" }],
        [`/staff/newsletter/campaigns/${draftId}`, test],
        [`/staff/newsletter/campaigns/${draftId}`, remove],
        [`/staff/newsletter/campaigns/${draftId}?confirm=send`, send],
      ];
      for (const [page, fields] of calls) {
        const answer = await callAction(page, fields, cookie());
        expect({ page, answer }).toEqual({ page, answer: expect.objectContaining({ ok: false, message }) });
      }
      expect(snapshot()).toEqual(before);
    });

    it.each([
      ["no session", undefined, 401],
      ["a forged session", forgedSessionCookie, 401],
      ["a member", "member", 403],
    ])("the staff JSON routes refuse %s (%s), with no data", async (_caller, who, expected) => {
      const cookie = who === "member" ? member : who;
      for (const route of ["/api/staff/newsletter/campaigns", `/api/staff/newsletter/campaigns/${draftId}/progress`]) {
        const response = await fetch(portalUrl(route), { headers: cookie ? { Cookie: cookie } : {} });
        expect({ route, status: response.status }).toEqual({ route, status: expected });
        expect(await response.text()).not.toContain("Draft kept");
        expect(response.headers.get("cache-control")).toContain("no-store");
      }
    });
  });

  describe("staff write, test and send a campaign", () => {
    const subject = `Harvest news ${stamp}`;
    let id: number;

    it("bad input gets field errors and writes nothing", async () => {
      const { create } = await forms(staff, draftId);
      const before = count("newsletter_campaigns");
      const answer = await callAction("/staff/newsletter/campaigns/new", { ...create, subject: "", markdown: "x".repeat(50_001) }, staff);
      expect(answer).toMatchObject({ ok: false, fieldErrors: { subject: ["Required."], markdown: ["At most 50,000 characters."] } });
      expect(count("newsletter_campaigns")).toBe(before);
    });

    it("a draft is previewed as the subscriber will see it, without running its HTML", async () => {
      id = await createCampaign(staff, subject, `Squash is **in**. <script>alert(1)</script> See [our board](/about/board).`);
      const html = await (await fetch(portalUrl(`/staff/newsletter/campaigns/${id}`), { headers: { Cookie: staff } })).text();
      expect(html).toContain("<strong>in</strong>");
      expect(html).not.toContain("<script>alert(1)");
      expect(html).toContain("our board (http://127.0.0.1:");
    });

    it("a test goes to the signed-in staff member only, marked [Test], with a dummy unsubscribe link", async () => {
      const { test } = await forms(staff, id);
      const deliveries = count("newsletter_deliveries");
      expect(await callAction(`/staff/newsletter/campaigns/${id}`, test, staff)).toMatchObject({ ok: true, data: { to: staffEmail } });
      const email = await waitForEmail(staffEmail, (message) => message.subject === `[Test] ${subject}`);
      expect(email.text).toContain("/newsletter/unsubscribe?token=test-email-has-no-subscriber");
      expect(email.html).not.toContain("<script");
      expect(count("newsletter_deliveries")).toBe(deliveries);
      expect(campaignRow(id)!.status).toBe("draft");
    });

    it("sending reaches each confirmed subscriber once with both List-Unsubscribe headers and a stable Message-ID, and nobody else", async () => {
      const feedBefore = await (await fetch(portalUrl("/newsletter/emails/feed.xml"))).text();
      expect(feedBefore).not.toContain(subject);
      const { send } = await forms(staff, id);
      expect(await callAction(`/staff/newsletter/campaigns/${id}?confirm=send`, send, staff)).toEqual({ redirect: `/staff/newsletter/campaigns/${id}?sending=1` });
      await waitFor("the campaign to be sent", () => (campaignRow(id)!.status === "sent" ? true : undefined), 60_000);
      const received = (await waitFor("the readers' copies", async () => {
        const copies = (await readMailbox()).filter((email) => email.subject === subject);
        return readers.every((reader) => copies.some((email) => email.to === reader)) ? copies : undefined;
      }, 60_000)) as ReceivedEmail[];
      expect(received.filter((email) => email.to === pending || email.to === gone)).toEqual([]);
      for (const reader of readers) {
        const copies = received.filter((email) => email.to === reader);
        expect(copies).toHaveLength(1);
        const [email] = copies;
        expect(email!.messageId).toMatch(messageIdPattern(id));
        expect(email!.headers["list-unsubscribe"]).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/newsletter\/unsubscribe\?token=[0-9a-f]{64}>$/);
        expect(email!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
        expect(email!.headers["list-id"]).toMatch(/^[\w -]+ <newsletter\.127\.0\.0\.1>$/);
        const token = /token=([0-9a-f]{64})/.exec(email!.headers["list-unsubscribe"]!)![1]!;
        expect(email!.text).toContain(`token=${token}`);
        expect(email!.html).not.toContain("<script");
      }
      expect(new Set(received.map((email) => email.headers["list-unsubscribe"])).size).toBe(received.length);

      const progress = await waitFor("every copy to leave", async () => {
        const view = (await (await fetch(portalUrl(`/api/staff/newsletter/campaigns/${id}/progress`), { headers: { Cookie: staff } })).json()) as {
          status: string;
          progress: { sent: number; total: number; queued: number };
        };
        return view.progress.queued === 0 ? view : undefined;
      }, 30_000);
      expect(progress).toMatchObject({ status: "sent", progress: { sent: progress.progress.total } });
      expect(progress.progress.total).toBeGreaterThanOrEqual(readers.length);

      // The sender finished outside any request: the feed cached before it follows anyway.
      const feed = await waitFor("the feed to list it", async () => {
        const text = await (await fetch(portalUrl("/newsletter/emails/feed.xml"))).text();
        return text.includes(subject) ? text : undefined;
      }, 10_000);
      expect(feed).toContain(`/newsletter/emails/${campaignRow(id)!.slug}`);
    });

    it("the public archive page shows the campaign without any subscriber's token or address", async () => {
      const { slug } = campaignRow(id)!;
      const response = await fetch(portalUrl(`/newsletter/emails/${slug}`));
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(subject);
      expect(html).toContain("<strong>in</strong>");
      expect(html).not.toContain("<script>alert(1)");
      const copies = (await readMailbox()).filter((email) => email.subject === subject);
      for (const email of copies) {
        expect(html).not.toContain(email.to);
        expect(html).not.toContain(/token=([0-9a-f]{64})/.exec(email.headers["list-unsubscribe"]!)![1]!);
      }
      expect(html).not.toMatch(/unsubscribe\?token=/);
      expect(await (await fetch(portalUrl("/sitemap.xml"))).text()).toContain(`/newsletter/emails/${slug}`);
    });

    it("a campaign that went out can no longer be edited, sent again or deleted", async () => {
      const { edit, remove, send } = await forms(staff, draftId);
      const before = campaignRow(id);
      for (const fields of [{ ...edit, id: String(id), subject: "Changed after the fact" }, { ...remove, id: String(id) }, { ...send, id: String(id) }]) {
        expect(await callAction(`/staff/newsletter/campaigns/${draftId}`, fields, staff)).toMatchObject({ ok: false, message: expect.stringContaining("already gone out") });
      }
      expect(campaignRow(id)).toEqual(before);
    });

    it("the staff list shows each campaign's state and progress", async () => {
      const response = await fetch(portalUrl("/api/staff/newsletter/campaigns"), { headers: { Cookie: staff } });
      const { campaigns } = (await response.json()) as { campaigns: { id: number; status: string; progress: { sent: number; total: number } | null }[] };
      expect(campaigns.find((row) => row.id === id)).toMatchObject({ status: "sent", progress: { sent: expect.any(Number), total: expect.any(Number) } });
      expect(campaigns.find((row) => row.id === draftId)).toMatchObject({ status: "draft", progress: null });
      for (const page of ["/staff/newsletter", `/staff/newsletter/campaigns/${id}`]) {
        const html = await (await fetch(portalUrl(page), { headers: { Cookie: staff } })).text();
        expect(html).toMatch(/\d+ of \d+ sent/);
        expect(html).toContain(`/newsletter/emails/${campaignRow(id)!.slug}`);
      }
    });
  });
});

describe("a campaign to 500 subscribers, its portal killed (SIGKILL) half-way and restarted", () => {
  const saved = { url: process.env.PORTAL_URL, dataDir: process.env.PORTAL_DATA_DIR, mailDir: process.env.PORTAL_MAIL_DIR };
  const dataDir = temporaryDataDir("newsletter-crash");
  const subscribers = Array.from({ length: 500 }, (_, i) => `crash-reader-${String(i).padStart(3, "0")}@coop.example`);
  let receiver: SmtpReceiver;
  let portal: RunningPortal | undefined;

  const start = async () => {
    portal = await startPortal({
      dataDir,
      env: mailingPortalEnv(receiver.port, {
        // Messages the killed worker claimed go again once their lease passes (2 minutes by
        // default): 3 s here, still far above one send to this receiver.
        EMAIL_LEASE_MS: "3000",
      }),
    });
    // The shared helpers (sign-in, forms, database) speak to whichever portal these name.
    process.env.PORTAL_URL = portal.url;
    process.env.PORTAL_DATA_DIR = dataDir;
    process.env.PORTAL_MAIL_DIR = receiver.folder;
  };

  beforeAll(async () => {
    // Slow enough (3 connections × 40 ms a message) to be stopped half-way.
    receiver = await startSmtpReceiver({ folder: path.join(dataDir, "received-mail"), delayMs: 40 });
    await start();
  }, 15 * 60_000);

  afterAll(async () => {
    await portal?.stop();
    await receiver?.stop();
    Object.assign(process.env, { PORTAL_URL: saved.url, PORTAL_DATA_DIR: saved.dataDir, PORTAL_MAIL_DIR: saved.mailDir });
  });

  it("reaches every subscriber; a repeat is only a message in flight at the kill, with its first copy's Message-ID", async () => {
    addSubscribers(subscribers, "confirmed", dataDir);
    const staff = storedSessionCookie("crash-staff@coop.example", "staff");
    const subject = `Everyone gets this once ${stamp}`;
    const id = await createCampaign(staff, subject, "One message per subscriber, **whatever happens** to the server.");
    const send = await scrapeForm(`/staff/newsletter/campaigns/${id}?confirm=send`, staff, hasField("confirm", "yes"));
    expect(await callAction(`/staff/newsletter/campaigns/${id}?confirm=send`, send, staff)).toEqual({ redirect: `/staff/newsletter/campaigns/${id}?sending=1` });

    const campaignMail = async () => (await readMailbox(receiver.folder)).filter((email) => email.subject === subject);
    // Nothing but the campaign goes to this receiver.
    const arrived = () => emailFiles(receiver.folder).length;
    // 150 is half-way through the email worker's eighth batch of 20: messages are in flight.
    await waitFor("some of the campaign to arrive", () => (arrived() >= 150 ? true : undefined), 120_000, 20);
    await portal!.kill();
    expect(arrived()).toBeLessThan(subscribers.length);

    // Messages claimed by the killed worker go again once their lease has passed.
    await start();
    await waitFor(
      "the campaign to be sent and the outbox drained",
      () => {
        const row = campaignRow(id, dataDir)!;
        const left = withPortalDb((db) => db.prepare("select count(*) as n from email_outbox where status in ('queued', 'sending')").get(), dataDir) as { n: number };
        return row.status === "sent" && left.n === 0 ? true : undefined;
      },
      5 * 60_000,
      1000,
    );

    // Every confirmed subscriber: the 500 added here, and any the demo seeds.
    const confirmed = withPortalDb((db) => db.prepare("select id, email from newsletter_subscribers where status = 'confirmed'").all(), dataDir) as { id: number; email: string }[];
    expect(confirmed.map((row) => row.email)).toEqual(expect.arrayContaining(subscribers));
    const received = await campaignMail();
    const byReader = new Map<string, ReceivedEmail[]>();
    for (const email of received) byReader.set(email.to, [...(byReader.get(email.to) ?? []), email]);
    expect([...byReader.keys()].sort()).toEqual(confirmed.map((row) => row.email).sort());
    for (const { id: subscriberId, email: address } of confirmed) {
      const messageIds = [...new Set(byReader.get(address)!.map((email) => email.messageId))];
      expect({ address, messageIds }).toEqual({ address, messageIds: [`<campaign-${id}.subscriber-${subscriberId}@127.0.0.1>`] });
    }
    // Same Message-ID twice: only what the SMTP pool (3 connections) had in flight at the kill.
    expect(received.length - confirmed.length).toBeLessThanOrEqual(3);
    expect(count("newsletter_deliveries", dataDir)).toBe(confirmed.length);
    // The kill did catch messages mid-send: claimed by the dead worker, taken over after their lease.
    expect((withPortalDb((db) => db.prepare("select count(*) as n from email_outbox where attempts > 1").get(), dataDir) as { n: number }).n).toBeGreaterThan(0);
  }, 10 * 60_000);
});
