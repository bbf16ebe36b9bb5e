import fs from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { storeDateTimeInput } from "@/lib/model/store-time";
import { callAction, forgedSessionCookie, hasField, scrapeForm } from "../helpers/forms";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { mailingPortalEnv, shiftedClockEnv, startPortal, temporaryDataDir, type RunningPortal } from "../helpers/portal-server";
import { emailFiles, startSmtpReceiver, type ReceivedEmail, type SmtpReceiver } from "../helpers/smtp-receiver";
import { waitFor } from "../helpers/wait-for";
import { readMailbox, waitForEmail } from "../helpers/wait-for-email";
import { addList, addSubscribers, createCampaign, idFrom, listIdOf, onlyLists } from "../helpers/newsletter";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(120_000);

const stamp = Date.now();
const count = (table: string, dataDir?: string) => (withPortalDb((db) => db.prepare(`select count(*) as n from ${table}`).get(), dataDir) as { n: number }).n;
const campaignRow = (id: number, dataDir?: string) =>
  withPortalDb((db) => db.prepare("select id, slug, subject, markdown, status, sent_at from newsletter_campaigns where id = ?").get(id), dataDir) as
    | { id: number; slug: string | null; subject: string; markdown: string; status: string; sent_at: number | null }
    | undefined;

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

describe("campaigns to lists and segments", () => {
  const staff = () => storedSessionCookie(`campaign-staff-${stamp}@coop.example`, "staff");
  const at = (name: string) => `lists-${name}-${stamp}@coop.example`;
  const classes = `classes-${stamp}`;
  const ownerNews = `owner-news-${stamp}`;
  const archived = `archived-${stamp}`;
  let classesId: number;
  let ownerNewsId: number;

  beforeAll(() => {
    classesId = addList(classes, `Classes ${stamp}`, "everyone");
    ownerNewsId = addList(ownerNews, `Owner news ${stamp}`, "owners");
    withPortalDb((db) => db.prepare("update newsletter_lists set archived_at = ? where id = ?").run(Date.now(), addList(archived, `Gone list ${stamp}`, "everyone")));
    addSubscribers([at("owner-both")], "confirmed", undefined, { lists: [classes, ownerNews], owner: true });
    addSubscribers([at("owner-classes")], "confirmed", undefined, { lists: [classes, "news"], owner: true });
    addSubscribers([at("member-classes")], "confirmed", undefined, { lists: [classes] });
    addSubscribers([at("member-owner-news")], "confirmed", undefined, { lists: [ownerNews] });
    addSubscribers([at("owner-bounced")], "confirmed", undefined, { lists: [classes], owner: true, bounced: true });
    addSubscribers([at("owner-elsewhere")], "confirmed", undefined, { lists: ["news"], owner: true });
  });

  it("a new draft offers the lists not archived, the join-by-default ones ticked", async () => {
    const html = await (await fetch(portalUrl("/staff/newsletter/campaigns/new"), { headers: { Cookie: staff() } })).text();
    expect(html).toContain(`Classes ${stamp}`);
    expect(html).not.toContain(`Gone list ${stamp}`);
    // As a browser would post it: only the ticked boxes and the chosen radio.
    const form = new JSDOM(html).window.document.querySelector<HTMLFormElement>("form:has([name=subject])")!;
    const ticked = [...form.querySelectorAll<HTMLInputElement>("input[type=checkbox], input[type=radio]")].filter((input) => input.checked).map((input) => `${input.name}=${input.value}`);
    const byDefault = withPortalDb((db) => db.prepare("select id from newsletter_lists where join_by_default = 1 and archived_at is null order by position, id").pluck().all()) as number[];
    expect(byDefault).toContain(listIdOf("news"));
    expect(ticked).toEqual([...byDefault.map((id) => `list-${id}=on`), "ownership=any"]);
    expect(form.querySelector(`[name=list-${classesId}]`)).not.toBeNull();
    const fields = await scrapeForm("/staff/newsletter/campaigns/new", staff(), hasField("subject"));
    const create = await callAction("/staff/newsletter/campaigns/new", { ...onlyLists(fields, []), subject: "No list", markdown: "x" }, staff());
    expect(create).toMatchObject({ ok: false, fieldErrors: { lists: ["Choose at least one list."] } });
  });

  it("to two lists narrowed to owners: the count shown before sending is frozen, and exactly those owners get it once, its footer naming the lists", async () => {
    const subject = `Owners on two lists ${stamp}`;
    const form = await scrapeForm("/staff/newsletter/campaigns/new", staff(), hasField("subject"));
    const created = await callAction("/staff/newsletter/campaigns/new", { ...onlyLists(form, [classesId, ownerNewsId]), subject, markdown: "For owners.", ownership: "owners" }, staff());
    const id = idFrom(created);
    const page = await (await fetch(portalUrl(`/staff/newsletter/campaigns/${id}`), { headers: { Cookie: staff() } })).text();
    expect(page.replaceAll("<!-- -->", "")).toContain("Send to 2 people");
    const send = await scrapeForm(`/staff/newsletter/campaigns/${id}?confirm=send`, staff(), hasField("confirm", "yes"));
    expect(send.expected).toBe("2");
    expect(await callAction(`/staff/newsletter/campaigns/${id}?confirm=send`, send, staff())).toEqual({ redirect: `/staff/newsletter/campaigns/${id}?sending=1` });
    await waitFor("the campaign to be sent", () => (campaignRow(id)!.status === "sent" ? true : undefined), 60_000);
    expect(withPortalDb((db) => db.prepare("select recipient_count from newsletter_campaigns where id = ?").pluck().get(id))).toBe(2);
    const copies = (await waitFor("both owners' copies", async () => {
      const mail = (await readMailbox()).filter((email) => email.subject === subject);
      return mail.length >= 2 ? mail : undefined;
    }, 60_000)) as ReceivedEmail[];
    expect(copies.map((email) => email.to).sort()).toEqual([at("owner-both"), at("owner-classes")].sort());
    for (const email of copies) expect(email.text).toContain(`lists “Classes ${stamp}” and “Owner news ${stamp}”`);

    // One-click from this email leaves only its lists: the owner stays on the first list.
    const email = copies.find((copy) => copy.to === at("owner-classes"))!;
    const token = /token=([0-9a-f]{64})/.exec(email.headers["list-unsubscribe"]!)![1]!;
    const response = await fetch(portalUrl(`/newsletter/unsubscribe?token=${token}`), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://mail.example" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^You have left the lists “Classes/);
    const memberships = withPortalDb((db) =>
      db.prepare("select l.slug, m.status from newsletter_list_members m join newsletter_lists l on l.id = m.list_id join newsletter_subscribers s on s.id = m.subscriber_id where s.email = ? order by l.slug").all(at("owner-classes")),
    );
    expect(memberships).toEqual([
      { slug: classes, status: "left" },
      { slug: "news", status: "subscribed" },
    ]);
    const stats = await waitFor("the copies to leave and the statistics to show them", async () => {
      const html = await (await fetch(portalUrl(`/staff/newsletter/campaigns/${id}`), { headers: { Cookie: staff() } })).text();
      return html.includes('data-stat="Sent">2<') ? html : undefined;
    }, 30_000);
    expect(stats).toContain('data-stat="Recipients when sending started">2<');
    expect(stats).toContain('data-stat="Failed">0<');
    expect(stats).toContain('data-stat="Bounced">0<');
    expect(stats).toContain('data-stat="Unsubscribed from it">1<');
  });
});

describe("scheduled campaigns, on a portal whose clock the test moves", () => {
  const saved = { url: process.env.PORTAL_URL, dataDir: process.env.PORTAL_DATA_DIR, mailDir: process.env.PORTAL_MAIL_DIR };
  const dataDir = temporaryDataDir("newsletter-schedule");
  const clockFile = path.join(dataDir, "..", `newsletter-schedule-clock-${stamp}`);
  const readers = [0, 1].map((i) => `scheduled-reader-${i}-${stamp}@coop.example`);
  const HOUR = 60 * 60_000;
  let receiver: SmtpReceiver;
  let portal: RunningPortal | undefined;

  beforeAll(async () => {
    fs.writeFileSync(clockFile, "0");
    receiver = await startSmtpReceiver({ folder: path.join(dataDir, "received-mail") });
    portal = await startPortal({ dataDir, env: mailingPortalEnv(receiver.port, shiftedClockEnv(clockFile)) });
    Object.assign(process.env, { PORTAL_URL: portal.url, PORTAL_DATA_DIR: dataDir, PORTAL_MAIL_DIR: receiver.folder });
  }, 15 * 60_000);

  afterAll(async () => {
    await portal?.stop();
    await receiver?.stop();
    Object.assign(process.env, { PORTAL_URL: saved.url, PORTAL_DATA_DIR: saved.dataDir, PORTAL_MAIL_DIR: saved.mailDir });
  });

  it("refuses a time past; sends at its time and not before; a cancelled one never sends", async () => {
    addSubscribers(readers, "confirmed", dataDir);
    const staff = storedSessionCookie(`schedule-staff-${stamp}@coop.example`, "staff");
    const scheduledSubject = `Sent at its time ${stamp}`;
    const cancelledSubject = `Called off ${stamp}`;
    const scheduled = await createCampaign(staff, scheduledSubject, "On time.", dataDir);
    const cancelled = await createCampaign(staff, cancelledSubject, "Never.", dataDir);
    const scheduleForm = (id: number) => scrapeForm(`/staff/newsletter/campaigns/${id}`, staff, hasField("sendAt"));
    const schedule = async (id: number, at: Date) => callAction(`/staff/newsletter/campaigns/${id}`, { ...(await scheduleForm(id)), sendAt: storeDateTimeInput(at) }, staff);

    expect(await schedule(scheduled, new Date(Date.now() - HOUR))).toMatchObject({ ok: false, fieldErrors: { sendAt: [expect.stringContaining("passed")] } });
    const sendAt = new Date(Date.now() + 2 * HOUR);
    expect(await schedule(scheduled, sendAt)).toEqual({ redirect: `/staff/newsletter/campaigns/${scheduled}?scheduled=1` });
    expect(await schedule(cancelled, sendAt)).toEqual({ redirect: `/staff/newsletter/campaigns/${cancelled}?scheduled=1` });
    const cancel = await scrapeForm(`/staff/newsletter/campaigns/${cancelled}`, staff, pickByButton("Cancel the schedule"));
    expect(await callAction(`/staff/newsletter/campaigns/${cancelled}`, cancel, staff)).toEqual({ redirect: `/staff/newsletter/campaigns/${cancelled}?unscheduled=1` });
    const sendAtOf = (id: number) => withPortalDb((db) => db.prepare("select send_at from newsletter_campaigns where id = ?").pluck().get(id), dataDir);
    expect(sendAtOf(scheduled)).toBe(Math.floor(sendAt.getTime() / 60_000) * 60_000);
    expect(sendAtOf(cancelled)).toBeNull();

    // The sender looks every second: a few looks an hour before its time start nothing.
    fs.writeFileSync(clockFile, String(HOUR));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(campaignRow(scheduled, dataDir)!.status).toBe("draft");

    fs.writeFileSync(clockFile, String(2 * HOUR + 60_000));
    await waitFor("the scheduled campaign to be sent", () => (campaignRow(scheduled, dataDir)!.status === "sent" ? true : undefined), 60_000);
    const mail = (await waitFor("both readers' copies", async () => {
      // The demo subscribers on the default lists get their copies too.
      const copies = (await readMailbox(receiver.folder)).filter((email) => email.subject === scheduledSubject && readers.includes(email.to));
      return copies.length >= readers.length ? copies : undefined;
    }, 60_000)) as ReceivedEmail[];
    expect(mail.map((email) => email.to).sort()).toEqual([...readers].sort());

    fs.writeFileSync(clockFile, String(30 * 24 * HOUR));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(campaignRow(cancelled, dataDir)!.status).toBe("draft");
    expect((await readMailbox(receiver.folder)).filter((email) => email.subject === cancelledSubject)).toEqual([]);
  }, 5 * 60_000);
});

describe("a campaign to the Owners list narrowed to owners (400 of them), its portal killed (SIGKILL) half-way and restarted", () => {
  const saved = { url: process.env.PORTAL_URL, dataDir: process.env.PORTAL_DATA_DIR, mailDir: process.env.PORTAL_MAIL_DIR };
  const dataDir = temporaryDataDir("newsletter-crash");
  const subscribers = Array.from({ length: 400 }, (_, i) => `crash-owner-${String(i).padStart(3, "0")}@coop.example`);
  const named = (kind: string, n: number) => Array.from({ length: n }, (_, i) => `crash-${kind}-${i}@coop.example`);
  // On the Owners list but without an ownership (one that lapsed), bounced, or owners who left it or were never on it: none may get it.
  const outside = { notOwners: named("not-owner", 40), bounced: named("bounced", 10), left: named("left", 10), elsewhere: named("elsewhere", 20) };
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

  it("reaches exactly the confirmed owners on that list, each once; a repeat is only a message in flight at the kill, with its first copy's Message-ID", async () => {
    const ownersList = addList("crash-owners", "Owners", "owners", dataDir);
    addSubscribers(subscribers, "confirmed", dataDir, { lists: ["crash-owners", "news"], owner: true });
    addSubscribers(outside.notOwners, "confirmed", dataDir, { lists: ["crash-owners"] });
    addSubscribers(outside.bounced, "confirmed", dataDir, { lists: ["crash-owners"], owner: true, bounced: true });
    addSubscribers(outside.left, "confirmed", dataDir, { lists: ["crash-owners"], owner: true });
    withPortalDb((db) => db.prepare(`update newsletter_list_members set status = 'left', left_at = ? where list_id = ? and subscriber_id in (select id from newsletter_subscribers where email like 'crash-left-%')`).run(Date.now(), ownersList), dataDir);
    addSubscribers(outside.elsewhere, "confirmed", dataDir, { lists: ["news"], owner: true });
    const staff = storedSessionCookie("crash-staff@coop.example", "staff");
    const subject = `Every owner gets this once ${stamp}`;
    const form = await scrapeForm("/staff/newsletter/campaigns/new", staff, hasField("subject"));
    const created = await callAction("/staff/newsletter/campaigns/new", { ...onlyLists(form, [ownersList]), subject, markdown: "One message per owner, **whatever happens** to the server.", ownership: "owners" }, staff);
    expect(created).toEqual({ redirect: expect.stringMatching(/\?created=1$/) });
    const id = idFrom(created);
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

    // Exactly the confirmed, not bounced owners subscribed to the Owners list: the 400 added here.
    const confirmed = withPortalDb((db) => db.prepare("select id, email from newsletter_subscribers where email like 'crash-owner-%'").all(), dataDir) as { id: number; email: string }[];
    expect(confirmed.map((row) => row.email).sort()).toEqual([...subscribers].sort());
    expect(withPortalDb((db) => db.prepare("select recipient_count from newsletter_campaigns where id = ?").pluck().get(id), dataDir)).toBe(subscribers.length);
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
