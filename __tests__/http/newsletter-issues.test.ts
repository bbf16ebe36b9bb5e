import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { storeDay } from "@/lib/model/format";
import { formatFileSize } from "@/lib/newsletter/issue-files";
import { callAction, forgedSessionCookie, hasField, postUploadForm, scrapeForm, scrapeUploadForm, submitForm, type FormFields } from "../helpers/forms";
import { fetchPage, text } from "../helpers/html";
import { portalDataDir, portalUrl, withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(120_000);

const run = crypto.randomBytes(4).toString("hex");
const staffPath = "/staff/newsletter/issues";
const uploadsDir = () => path.join(portalDataDir(), "uploads");
const today = storeDay();

let staff: string;
let member: string;

beforeAll(async () => {
  staff = storedSessionCookie(`issues-staff-${run}@coop.example`, "staff");
  member = storedSessionCookie(`issues-member-${run}@coop.example`, "member");
});

async function issuePdf(line: string) {
  const document = await PDFDocument.create();
  document.addPage().drawText(line, { x: 50, y: 700, font: await document.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await document.save());
}

const file = (bytes: Buffer | string, name: string, type = "application/pdf") => new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type });

/** The upload form as staff see it, filled in; the empty file input left out. */
async function uploadForm(fields: FormFields): Promise<FormFields> {
  const { fields: scraped } = await scrapeUploadForm(staffPath, staff, hasField("title"));
  return { ...scraped, summary: "", issuedOn: today, ...fields };
}

/** Sends the upload form as the page's script does, to the issues' upload route, and returns the route's answer. */
const publish = async (fields: FormFields, cookie = staff) => (await postUploadForm("/api/staff/newsletter/issues", fields, { cookie })).answer;

type IssueRow = { id: number; slug: string; title: string; issued_on: string; upload_id: string; size_bytes: number; content_type: string };
const issueByTitle = (title: string) =>
  withPortalDb((db) => db.prepare("select i.id, i.slug, i.title, i.issued_on, i.upload_id, u.size_bytes, u.content_type from newsletter_issues i join uploads u on u.id = i.upload_id where i.title = ?").get(title)) as
    | IssueRow
    | undefined;
const count = (table: string) => (withPortalDb((db) => db.prepare(`select count(*) as n from ${table}`).get()) as { n: number }).n;
const uploadFiles = () => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()).sort() : []);
const snapshot = () => ({ issues: count("newsletter_issues"), uploads: count("uploads"), files: uploadFiles() });

describe("uploading an issue of The Rutabaga Rap", () => {
  it("refuses an HTML file renamed .pdf at the PDF field, keeping what was typed, with no row and no file left", async () => {
    const before = snapshot();
    const html = "<!doctype html><html><body><script>alert(1)</script></body></html>";
    const answer = await publish(await uploadForm({ title: `Not a PDF ${run}`, summary: "Sneaky.", pdf: file(html, "issue.pdf") }));
    expect(answer).toMatchObject({
      ok: false,
      fieldErrors: { pdf: ["This file is not a PDF. Export the issue as a PDF and choose that file."] },
      values: { title: `Not a PDF ${run}`, summary: "Sneaky." },
    });
    expect(snapshot()).toEqual(before);
  });

  it("refuses a form without a file or title at their fields, writing nothing", async () => {
    const before = snapshot();
    const answer = await publish(await uploadForm({ title: "" }));
    expect(answer).toMatchObject({ ok: false, fieldErrors: { title: ["Required."], pdf: ["Choose the issue’s PDF file."] } });
    expect(snapshot()).toEqual(before);
  });

  it("stores a 15 MB PDF (an issue full of photos), streamed to disk by the upload route", async () => {
    const big = Buffer.concat([await issuePdf(`The photo issue ${run}`), Buffer.alloc(15 * 1024 * 1024, 0x20)]);
    const answer = await publish(await uploadForm({ title: `The photo issue ${run}`, issuedOn: "2020-01-01", pdf: file(big, "photos.pdf") }));
    expect(answer).toMatchObject({ ok: true });
    const stored = issueByTitle(`The photo issue ${run}`)!;
    expect(stored.size_bytes).toBe(big.length);
    expect(fs.statSync(path.join(uploadsDir(), stored.upload_id)).size).toBe(big.length);
  });

  const title = `The compost issue ${run}`;
  let pdf: Buffer;
  let issue: IssueRow;

  it("stores a real PDF under its upload id, with its row and an audit entry", async () => {
    pdf = await issuePdf(`The compost issue ${run}`);
    const answer = await publish(await uploadForm({ title, summary: "Worms, leaves and patience.", pdf: file(pdf, "Compost final (print).pdf") }));
    expect(answer).toMatchObject({ ok: true, message: "Published: the issue is on the public list and in its feed." });
    issue = issueByTitle(title)!;
    expect(issue).toMatchObject({ issued_on: today, size_bytes: pdf.length, content_type: "application/pdf" });
    expect(issue.slug).toBe(`${today}-the-compost-issue-${run}`);
    expect(fs.readFileSync(path.join(uploadsDir(), issue.upload_id)).equals(pdf)).toBe(true);
    expect(uploadFiles().filter((name) => name.endsWith(".part"))).toEqual([]);
    const audit = withPortalDb((db) => db.prepare("select action, actor_email from audit_log where subject_type = 'newsletter_issue' and subject_id = ?").all(String(issue.id)));
    expect(audit).toEqual([{ action: "newsletter_issue.create", actor_email: `issues-staff-${run}@coop.example` }]);
  });

  it("lists it first on /newsletter/issues, as the one with id=\"latest\" the aside links to, with its size and download link", async () => {
    const page = await fetchPage("/newsletter/issues");
    expect(page.status).toBe(200);
    expect(page.document.querySelectorAll("#latest")).toHaveLength(1);
    const latest = page.document.getElementById("latest")!;
    expect(text(latest.querySelector("h2"))).toBe(title);
    expect(text(latest)).toContain("Worms, leaves and patience.");
    expect(text(latest)).toContain(`(PDF, ${formatFileSize(pdf.length)})`);
    expect(latest.querySelector("a[type='application/pdf']")!.getAttribute("href")).toBe(`/newsletter/issues/${issue.slug}`);
    expect(page.document.querySelectorAll("ol li h2").length).toBeGreaterThanOrEqual(3); // with the two demo issues
    expect(page.document.querySelector("a[href='/newsletter/issues/feed.xml']")).not.toBeNull();
    expect(page.document.querySelector("aside a[href='/newsletter/issues#latest']")).not.toBeNull();
  });

  it("is answered from the page cache the second time", async () => {
    await fetch(portalUrl("/newsletter/issues"));
    expect((await fetch(portalUrl("/newsletter/issues"))).headers.get("x-nextjs-cache")).toBe("HIT");
  });

  it("is the first item of the RSS feed, with the PDF as its enclosure and its length", async () => {
    const response = await fetch(portalUrl("/newsletter/issues/feed.xml"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const xml = await response.text();
    const firstItem = xml.slice(xml.indexOf("<item>"), xml.indexOf("</item>") + "</item>".length);
    const item = new JSDOM(firstItem, { contentType: "text/xml" }).window.document;
    expect(item.querySelector("title")!.textContent).toBe(title);
    const enclosure = item.querySelector("enclosure")!;
    expect({ url: enclosure.getAttribute("url"), length: enclosure.getAttribute("length"), type: enclosure.getAttribute("type") }).toEqual({
      url: expect.stringMatching(new RegExp(`^https?://[^/]+/newsletter/issues/${issue.slug}$`)),
      length: String(pdf.length),
      type: "application/pdf",
    });
  });

  it("downloads inline as a PDF under the issue's date, cacheable by anyone for a day, unsniffable", async () => {
    const response = await fetch(portalUrl(`/newsletter/issues/${issue.slug}`));
    expect(response.status).toBe(200);
    expect({
      type: response.headers.get("content-type"),
      disposition: response.headers.get("content-disposition"),
      nosniff: response.headers.get("x-content-type-options"),
      cache: response.headers.get("cache-control"),
    }).toEqual({ type: "application/pdf", disposition: `inline; filename="rutabaga-rap-${today}.pdf"`, nosniff: "nosniff", cache: "public, max-age=86400" });
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it("refuses a second issue with the same date and title at the title field, leaving no file", async () => {
    const before = snapshot();
    const answer = await publish(await uploadForm({ title, pdf: file(pdf, "again.pdf") }));
    expect(answer).toMatchObject({ ok: false, fieldErrors: { title: [expect.stringMatching(/^There is already an issue with this date and title\./)] } });
    expect(snapshot()).toEqual(before);
  });
});

describe("uploading without JavaScript", () => {
  it("a plain form post publishes the issue and comes back to the page with the message, once", async () => {
    const title = `The no-script issue ${run}`;
    const response = await submitForm("/api/staff/newsletter/issues", await uploadForm({ title, issuedOn: "2019-06-01", pdf: file(await issuePdf(title), "issue.pdf") }), staff);
    expect({ status: response.status, location: response.headers.get("location") }).toEqual({ status: 303, location: staffPath });
    expect(issueByTitle(title)).toBeDefined();
    const cookie = `${staff}; ${response.headers.getSetCookie()[0]!.split(";")[0]}`;
    const page = new JSDOM(await (await fetch(portalUrl(staffPath), { headers: { Cookie: cookie } })).text()).window.document;
    expect(text(page.querySelector("form [role=status]"))).toBe("Published: the issue is on the public list and in its feed.");
    const again = new JSDOM(await (await fetch(portalUrl(staffPath), { headers: { Cookie: cookie } })).text()).window.document;
    expect(again.querySelector("form [role=status]")).toBeNull();
  });

  it("a refused upload comes back with the error at its field and the title typed", async () => {
    const before = snapshot();
    const response = await submitForm("/api/staff/newsletter/issues", await uploadForm({ title: `Plain text ${run}`, pdf: file("not a pdf", "issue.pdf") }), staff);
    expect(response.status).toBe(303);
    const cookie = `${staff}; ${response.headers.getSetCookie()[0]!.split(";")[0]}`;
    const page = new JSDOM(await (await fetch(portalUrl(staffPath), { headers: { Cookie: cookie } })).text()).window.document;
    expect(page.querySelector<HTMLInputElement>("input[name=title]")!.value).toBe(`Plain text ${run}`);
    expect(page.querySelector("input[name=pdf]")!.getAttribute("aria-invalid")).toBe("true");
    expect(snapshot()).toEqual(before);
  });
});

describe("the download route serves issues and nothing else", () => {
  it("answers 404 for an unknown slug, and for another upload's id (a résumé's file)", async () => {
    const resumeId = crypto.randomBytes(16).toString("hex");
    fs.mkdirSync(uploadsDir(), { recursive: true });
    fs.writeFileSync(path.join(uploadsDir(), resumeId), await issuePdf("Private resume"));
    withPortalDb((db) => db.prepare("insert into uploads (id, original_name, content_type, size_bytes, created_at) values (?, 'cv.pdf', 'application/pdf', 1, ?)").run(resumeId, Date.now()));
    for (const slug of [`2001-01-01-no-such-issue-${run}`, resumeId, "..%2Fcoop.db", "latest"]) {
      const response = await fetch(portalUrl(`/newsletter/issues/${slug}`));
      expect({ slug, status: response.status, type: response.headers.get("content-type") }).toEqual({ slug, status: 404, type: expect.not.stringContaining("application/pdf") });
    }
  });
});

describe("the upload route and the delete action refuse anyone but staff, by their own check", () => {
  it.each([
    ["no session", () => forgedSessionCookie, "Please sign in first."],
    ["a member", () => member, "This is for co-op staff."],
  ])("%s: upload and delete answer with their refusal and no row or file changes", async (_caller, cookie, message) => {
    const upload = await uploadForm({ title: `Hijacked ${run}`, pdf: file(await issuePdf("Hijacked"), "x.pdf") });
    const target = issueByTitle(`The compost issue ${run}`)!;
    const remove = await scrapeForm(staffPath, staff, hasField("id", String(target.id)));
    const before = snapshot();
    expect(await publish(upload, cookie())).toMatchObject({ ok: false, message });
    expect(await callAction(staffPath, remove, cookie())).toMatchObject({ ok: false, message });
    expect(snapshot()).toEqual(before);
    expect(issueByTitle(target.title)).toEqual(target);
  });
});

describe("deleting an issue", () => {
  it("removes its row, its upload row and its file, audited; it leaves the list, the feed and its address", async () => {
    const issue = issueByTitle(`The compost issue ${run}`)!;
    const remove = await scrapeForm(staffPath, staff, hasField("id", String(issue.id)));
    expect(await callAction(staffPath, remove, staff)).toMatchObject({ ok: true, message: "The issue and its PDF were deleted." });
    expect(issueByTitle(issue.title)).toBeUndefined();
    expect(withPortalDb((db) => db.prepare("select id from uploads where id = ?").get(issue.upload_id))).toBeUndefined();
    expect(fs.existsSync(path.join(uploadsDir(), issue.upload_id))).toBe(false);
    const audit = withPortalDb((db) => db.prepare("select action from audit_log where subject_type = 'newsletter_issue' and subject_id = ? order by id").all(String(issue.id)));
    expect(audit).toEqual([{ action: "newsletter_issue.create" }, { action: "newsletter_issue.delete" }]);

    const page = await fetchPage("/newsletter/issues");
    expect(page.html).not.toContain(issue.title);
    expect(text(page.document.getElementById("latest")!.querySelector("h2"))).not.toBe(issue.title);
    expect(await (await fetch(portalUrl("/newsletter/issues/feed.xml"))).text()).not.toContain(issue.slug);
    expect((await fetch(portalUrl(`/newsletter/issues/${issue.slug}`))).status).toBe(404);
  });
});
