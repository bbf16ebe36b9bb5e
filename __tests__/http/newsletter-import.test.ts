import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { latestSignInLink, requestSignInLink } from "../helpers/auth";
import { callAction, hasField, postOnOwnSocket, postUploadForm, scrapeForm, scrapeUploadForm } from "../helpers/forms";
import { onOwnPortal } from "../helpers/hostile";
import { createCampaign } from "../helpers/newsletter";
import { portalDataDir, portalUrl, withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";
import { waitFor } from "../helpers/wait-for";

jest.setTimeout(10 * 60_000);

/*
 * Importing an existing mailing list, on a portal of its own (ten thousand subscribers
 * would change what the shared portal's other tests count).
 */
onOwnPortal("newsletter-import");

const run = crypto.randomBytes(4).toString("hex");
const PAGE = "/staff/newsletter/import";
const ROUTE = "/api/staff/newsletter/import";
const LINES = 10_000;
const address = (i: number) => `imp-${i}-${run}@import.example`;
const gone = address(5);
const confirmed = address(9);
const staffEmail = `import-staff-${run}@coop.example`;
let staff: string;
let owner: string;

const one = <T = number>(sql: string, ...params: unknown[]) => withPortalDb((db) => db.prepare(sql).pluck().get(...params) as T);
const ours = `email like '%-${run}@import.example'`;
const uploadFiles = () => fs.readdirSync(path.join(portalDataDir(), "uploads"), { withFileTypes: true }).filter((entry) => entry.isFile()).length;
/** What an import may write: a refused or previewed file must leave all of it as it was. */
const footprint = () => ({
  subscribers: one("select count(*) from newsletter_subscribers"),
  members: one("select count(*) from newsletter_list_members"),
  outbox: one("select count(*) from email_outbox"),
  uploads: one("select count(*) from uploads"),
  files: fs.existsSync(path.join(portalDataDir(), "uploads")) ? uploadFiles() : 0,
});

/**
 * 10,000 lines after the header, CRLF, columns in their own order, some names quoted with
 * a comma: every tenth line (i ≡ 3) is bad, in turn for its address, an unknown list, an
 * owners-only list and a name too long; every twentieth (i ≡ 7) repeats the line before
 * it; line 7 (i = 5) had unsubscribed, line 11 (i = 9) is confirmed already.
 */
function listFile() {
  const rows = ["name,lists,email"];
  for (let i = 0; i < LINES; i++) {
    const name = i % 4 === 0 ? `"Smith, Ann ${i}"` : `Reader ${i}`;
    const lists = ["", "news", "Classes and events|news"][i % 3]!;
    const email = i % 7 === 0 ? address(i).toUpperCase() : address(i);
    if (i % 10 === 3) {
      const kind = Math.floor(i / 10) % 4;
      if (kind === 0) rows.push(`${name},news,not-an-address-${i}`);
      if (kind === 1) rows.push(`${name},no-such-list,${email}`);
      if (kind === 2) rows.push(`${name},owner-news,${email}`);
      if (kind === 3) rows.push(`${"x".repeat(81)},news,${email}`);
    } else if (i % 20 === 7) rows.push(`Again ${i},news,${address(i - 1)}`);
    else rows.push(`${name},${lists},${email}`);
  }
  return `${rows.join("\r\n")}\r\n`;
}
const NEW = LINES - 1_000 - 500 - 2;
const lineOf = (i: number) => i + 2;

const csv = (text: string | Uint8Array<ArrayBuffer>, name = "members.csv") => new File([text], name, { type: "text/csv" });
const page = async (url: string, cookie = staff) => {
  const response = await fetch(portalUrl(url), { redirect: "manual", headers: { Cookie: cookie } });
  return { status: response.status, headers: response.headers, document: new JSDOM(await response.text()).window.document };
};
const textOf = (document: Document) => (document.querySelector("main") ?? document.body).textContent!.replace(/\s+/g, " ");

beforeAll(() => {
  staff = storedSessionCookie(staffEmail, "staff");
  owner = storedSessionCookie("owner@coop.example");
  withPortalDb((db) => {
    const now = Date.now();
    const news = db.prepare("select id from newsletter_lists where slug = 'news'").pluck().get() as number;
    const left = db.prepare("insert into newsletter_subscribers (email, status, signed_up_at, confirmed_at, unsubscribed_at) values (?, 'unsubscribed', ?, ?, ?) returning id").pluck().get(gone, now, now, now);
    db.prepare("insert into newsletter_list_members (list_id, subscriber_id, status, chosen_at, consent_at, consent_source, left_at) values (?, ?, 'left', ?, ?, 'form', ?)").run(news, left, now, now, now);
    const reader = db.prepare("insert into newsletter_subscribers (email, status, signed_up_at, confirmed_at) values (?, 'confirmed', ?, ?) returning id").pluck().get(confirmed, now, now);
    db.prepare("insert into newsletter_list_members (list_id, subscriber_id, status, chosen_at, consent_at, consent_source) values (?, ?, 'subscribed', ?, ?, 'form')").run(news, reader, now, now);
  });
});

describe("refusals: nothing is written", () => {
  it("a binary file, a file over 2 MB and a CSV without an email column get an error on the file field", async () => {
    const before = footprint();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const cases: [File, number, RegExp][] = [
      [csv(png, "list.csv"), 400, /not a CSV text file in UTF-8/],
      [csv(`email\r\n${"a@x.org\r\n".repeat(250_000)}`), 413, /larger than 2 MB/],
      [csv("name,lists\r\nAnn,news\r\n"), 400, /one of them must be “email”/],
    ];
    for (const [file, status, words] of cases) {
      const { status: got, answer } = await postUploadForm(ROUTE, { file }, { cookie: staff });
      expect({ got, ok: answer.ok }).toEqual({ got: status, ok: false });
      expect(answer.fieldErrors?.file?.[0]).toMatch(words);
    }
    expect(footprint()).toEqual(before);
  });

  it("an owner is refused the page and the upload route, staff posting from another site too; a visitor without a session is sent to sign in", async () => {
    const before = footprint();
    expect((await page(PAGE, owner)).status).toBe(403);
    expect(await postUploadForm(ROUTE, { file: csv("email\r\na@x.org\r\n") }, { cookie: owner })).toMatchObject({ status: 403, answer: { ok: false } });
    expect(await postUploadForm(ROUTE, { file: csv("email\r\na@x.org\r\n") }, { cookie: staff, origin: "https://attacker.example" })).toMatchObject({ status: 403, answer: { ok: false, code: "forbidden" } });
    // A browser without JavaScript (no JSON asked for) and no session: to sign in, and back.
    const body = new FormData();
    body.append("file", csv("email\r\na@x.org\r\n"));
    const encoded = new Response(body);
    const answered = await postOnOwnSocket(ROUTE, { "Content-Type": encoded.headers.get("content-type")!, Origin: new URL(portalUrl()).origin }, Buffer.from(await encoded.arrayBuffer()));
    expect({ status: answered.status, location: answered.headers.location }).toEqual({ status: 303, location: `/login?callbackUrl=${encodeURIComponent(PAGE)}` });
    expect((await page(PAGE, "")).status).toBe(307);
    expect(footprint()).toEqual(before);
  });
});

describe("a list of 10,000 lines with 1,000 bad lines and 500 duplicates", () => {
  let previewPath: string;
  /** The import form as the preview showed it (its action id), to press it again once the file is gone. */
  let importForm: Record<string, string>;

  it("is staged, and its preview names the bad lines by number and the duplicates by the line they repeat, writing nothing", async () => {
    const before = footprint();
    const upload = await scrapeUploadForm(PAGE, staff, hasField("file"));
    expect(upload).toMatchObject({ action: ROUTE, method: "post", enctype: "multipart/form-data" });
    const { status, answer } = await postUploadForm(ROUTE, { file: csv(listFile()) }, { cookie: staff });
    expect(status).toBe(200);
    expect(answer).toEqual({ ok: true, redirect: expect.stringMatching(/^\/staff\/newsletter\/import\?file=[0-9a-f]{32}$/) });
    previewPath = answer.redirect!;
    expect(footprint()).toEqual({ ...before, uploads: before.uploads + 1, files: before.files + 1 });

    const shown = await page(previewPath);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("cache-control")).toContain("no-store");
    const text = textOf(shown.document);
    for (const [label, value] of [
      ["Lines read (the header row aside)", "10,000"],
      ["New addresses, to be asked to confirm", NEW.toLocaleString("en-US")],
      ["Lines with a problem, not imported", "1,000"],
      ["Repeats of an earlier line, not imported", "500"],
      ["Subscribed or waiting for confirmation already: left as they are", "1"],
      ["Unsubscribed before: never added again, not emailed", "1"],
    ]) {
      expect(text).toContain(`${label}${value}`);
    }
    const items = [...shown.document.querySelectorAll("li")].map((item) => item.textContent!.replace(/\s+/g, " "));
    expect(items).toEqual(expect.arrayContaining([
      `Line ${lineOf(3)}: “not-an-address-3” is not an email address.`,
      `Line ${lineOf(13)}: No list is called “no-such-list”.`,
      `Line ${lineOf(23)}: “Owner news” is for owners only: owners join it themselves from their account page.`,
      `Line ${lineOf(33)}: The name is longer than 80 characters.`,
      `Line ${lineOf(43)}: “not-an-address-43” is not an email address.`,
      `Line ${lineOf(7)}: ${address(6)} repeats line ${lineOf(6)}.`,
      `Line ${lineOf(27)}: ${address(26)} repeats line ${lineOf(26)}.`,
    ]));
    expect(text).toContain("and 800 more.");
    expect(text).toContain("and 300 more.");
    expect(text).toContain(`Import ${NEW.toLocaleString("en-US")} addresses`);
    expect(footprint()).toEqual({ ...before, uploads: before.uploads + 1, files: before.files + 1 });
  });

  it("imports exactly the new addresses as pending, on pending lists of source import, each with one confirmation email; known addresses are not touched", async () => {
    const outboxBefore = one("select count(*) from email_outbox");
    importForm = await scrapeForm(previewPath, staff, hasField("file"));
    // The button's action, pressed by an owner with the staged file's id, is refused by the action itself.
    const before = footprint();
    expect(await callAction(previewPath, importForm, owner)).toMatchObject({ ok: false, message: "This is for co-op staff." });
    expect(footprint()).toEqual(before);
    const started = Date.now();
    expect(await callAction(previewPath, importForm, staff)).toEqual({ redirect: `${PAGE}?imported=${NEW}` });
    console.log(`newsletter import: ${NEW} addresses imported in ${((Date.now() - started) / 1000).toFixed(1)} s (the request, over HTTP)`);

    expect(one(`select count(*) from newsletter_subscribers where ${ours} and status = 'pending'`)).toBe(NEW);
    expect(one(`select count(*) from newsletter_subscribers where ${ours} and confirm_token_hash is not null and confirm_token_expires_at > ?`, Date.now() + 6 * 86_400_000)).toBe(NEW);
    const members = withPortalDb((db) =>
      db.prepare(`select m.status, m.consent_source, m.consent_at, count(*) as n from newsletter_list_members m join newsletter_subscribers s on s.id = m.subscriber_id where s.${ours} and s.status = 'pending' group by 1, 2, 3`).all(),
    );
    expect(members).toEqual([{ status: "pending", consent_source: "import", consent_at: null, n: expect.any(Number) }]);
    // Defaults (two lists) for a third, "news" for a third, two named lists for a third.
    expect((members[0] as { n: number }).n).toBeGreaterThan(NEW * 1.5);
    // One confirmation each: every imported address has exactly one, and nobody else got one.
    const pendingImports = withPortalDb((db) => db.prepare(`select email from newsletter_subscribers where ${ours} and status = 'pending'`).pluck().all() as string[]);
    const confirmations = withPortalDb((db) => db.prepare(`select "to" from email_outbox where subject like 'Would you like to keep getting%'`).pluck().all() as string[]);
    expect(confirmations.sort()).toEqual(pendingImports.sort());
    expect(one("select count(*) from email_outbox") - outboxBefore).toBe(NEW);

    expect(withPortalDb((db) => db.prepare("select status from newsletter_subscribers where email = ?").pluck().all(gone))).toEqual(["unsubscribed"]);
    expect(one(`select m.status from newsletter_list_members m join newsletter_subscribers s on s.id = m.subscriber_id where s.email = ?`, gone)).toBe("left");
    expect(one(`select count(*) from email_outbox where "to" in (?, ?)`, gone, confirmed)).toBe(0);
    expect(one("select status from newsletter_subscribers where email = ?", confirmed)).toBe("confirmed");
    expect(one("select count(*) from uploads where content_type = 'text/csv'")).toBe(0);

    const audit = withPortalDb((db) => db.prepare("select actor_email, detail from audit_log where action = 'newsletter_import.import'").all()) as { actor_email: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_email).toBe(staffEmail);
    expect(JSON.parse(audit[0]!.detail)).toEqual({ lines: LINES, imported: NEW, bad: 1_000, duplicates: 500, alreadyThere: 1, unsubscribedBefore: 1 });
    expect(audit[0]!.detail).not.toContain("@");
  });

  it("mail queued after the import (a sign-in link) goes out at once, not behind its confirmations", async () => {
    const email = `import-signin-${run}@coop.example`;
    const started = Date.now();
    expect((await requestSignInLink(email)).status).toBeLessThan(400);
    await latestSignInLink(email, 1);
    const waited = Date.now() - started;
    const waiting = one(`select count(*) from email_outbox where status = 'queued' and subject like 'Would you like to keep getting%'`);
    console.log(`newsletter import: a sign-in link requested after the import arrived in ${(waited / 1000).toFixed(1)} s, with ${waiting} confirmations still waiting their turn`);
    expect(waiting).toBeGreaterThan(NEW / 2);
    expect(waited).toBeLessThan(10_000);
  });

  it("pressing import again, or importing the same file staged again, imports nothing more", async () => {
    const before = footprint();
    const again = await callAction(previewPath, importForm, staff);
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/^This file is no longer waiting to be imported/) });
    expect(textOf((await page(previewPath)).document)).toContain("This file is no longer waiting to be imported");
    expect(footprint()).toEqual(before);

    const { answer } = await postUploadForm(ROUTE, { file: csv(listFile()) }, { cookie: staff });
    const text = textOf((await page(answer.redirect!)).document);
    expect(text).toContain(`Subscribed or waiting for confirmation already: left as they are${(NEW + 1).toLocaleString("en-US")}`);
    expect(text).toContain("There is no new address to import in this file.");
  });

  it("a campaign to the imported lists reaches none of the unconfirmed imports", async () => {
    const subject = `After the import ${run}`;
    const id = await createCampaign(staff, subject, "Hello, readers.");
    const send = await scrapeForm(`/staff/newsletter/campaigns/${id}?confirm=send`, staff, hasField("confirm", "yes"));
    expect(await callAction(`/staff/newsletter/campaigns/${id}?confirm=send`, send, staff)).toEqual({ redirect: `/staff/newsletter/campaigns/${id}?sending=1` });
    await waitFor("the campaign to be sent", () => (one<string>("select status from newsletter_campaigns where id = ?", id) === "sent" ? true : undefined), 120_000, 200);
    const reached = withPortalDb((db) => db.prepare("select s.email from newsletter_deliveries d join newsletter_subscribers s on s.id = d.subscriber_id where d.campaign_id = ?").pluck().all(id)) as string[];
    expect(reached).toContain(confirmed);
    expect(reached.filter((email) => email.endsWith(`-${run}@import.example`))).toEqual([confirmed]);
    expect(one(`select count(*) from email_outbox where subject = ? and "to" like ?`, subject, `%-${run}@import.example`)).toBe(1);
  });

  it("one imported address confirmed through its email's link is then on its lists, with its consent", async () => {
    const email = address(2);
    const body = one<string>(`select text from email_outbox where "to" = ?`, email);
    expect(body).toContain("earlier mailing list");
    const link = /https?:\/\/\S+(\/newsletter\/confirm\?token=[0-9a-f]{64})/.exec(body)![1]!;
    const confirmPage = textOf((await page(link, "")).document);
    expect(confirmPage).toContain("Classes and events");
    expect(await callAction(link, await scrapeForm(link, "", hasField("token")))).toMatchObject({ ok: true });
    expect(one("select status from newsletter_subscribers where email = ?", email)).toBe("confirmed");
    const rows = withPortalDb((db) => db.prepare("select l.slug, m.status, m.consent_source, m.consent_ip, m.consent_at is not null as consented from newsletter_list_members m join newsletter_lists l on l.id = m.list_id join newsletter_subscribers s on s.id = m.subscriber_id where s.email = ? order by l.slug").all(email));
    expect(rows).toEqual([
      { slug: "classes-and-events", status: "subscribed", consent_source: "import", consent_ip: "127.0.0.1", consented: 1 },
      { slug: "news", status: "subscribed", consent_source: "import", consent_ip: "127.0.0.1", consented: 1 },
    ]);
  });
});
