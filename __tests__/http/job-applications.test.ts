import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { callAction, forgedSessionCookie, hasField, postUploadForm, scrapeForm, scrapeUploadForm, submitForm, type FormFields } from "../helpers/forms";
import { fetchPage, text } from "../helpers/html";
import { portalDataDir, portalUrl, withPortalDb } from "../helpers/portal";
import { waitForEmail } from "../helpers/wait-for-email";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(120_000);

const MB = 1024 * 1024;
const run = crypto.randomBytes(4).toString("hex");
const uploadsDir = () => path.join(portalDataDir(), "uploads");

function insertPosting(slug: string, status: "draft" | "published" | "closed", closesOn: string) {
  return withPortalDb((db) => {
    const now = Date.now();
    return (
      db
        .prepare(
          `insert into jobs (slug, title, department, employment_type, hours, pay_min_cents, pay_unit, location, description, closes_on, status, published_at, closed_at, created_at, updated_at)
           values (?, ?, 'Produce', 'part_time', '20–30 hours a week', 1650, 'hour', 'The store', 'Keep the produce fresh.', ?, ?, ?, ?, ?, ?) returning id`,
        )
        .get(slug, `Produce clerk ${slug}`, closesOn, status, status === "draft" ? null : now, status === "closed" ? now : null, now, now) as { id: number }
    ).id;
  });
}

const openSlug = `apply-open-${run}`;
const closedSlug = `apply-closed-${run}`;
const draftSlug = `apply-draft-${run}`;
let openJobId: number;
let closedJobId: number;

let member: string;
let staff: string;

beforeAll(async () => {
  // Written before any of their pages is requested: the cache then reads them as they are.
  openJobId = insertPosting(openSlug, "published", "2099-12-31");
  closedJobId = insertPosting(closedSlug, "closed", "2099-12-31");
  insertPosting(draftSlug, "draft", "2099-12-31");
  member = storedSessionCookie(`jobs-apply-member-${run}@coop.example`, "member");
  staff = storedSessionCookie(`jobs-apply-staff-${run}@coop.example`, "staff");
});

async function smallPdf(line = "Rosa Martinez — ten years in retail") {
  const document = await PDFDocument.create();
  const page = document.addPage();
  page.drawText(line.replace("—", "-"), { x: 50, y: 700, font: await document.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await document.save());
}

const waitForEmailWithSubject = (to: string, subject: string) => waitForEmail(to, (mail) => mail.subject === subject);

const file = (bytes: Buffer | string, name: string, type = "application/pdf") => new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type });

const applyPath = `/jobs/${openSlug}/apply`;
/** Where a posting's application form posts: its upload route. */
const route = (jobId = openJobId) => `/api/jobs/${jobId}/applications`;
let formFields: Record<string, string>;
/** The apply form as the page renders it, filled in for `email` (the empty file input and an unticked checkbox post nothing). */
async function application(email: string, extra: FormFields = {}): Promise<FormFields> {
  formFields ??= (await scrapeUploadForm(applyPath, "", hasField("resumeText"))).fields;
  return { ...formFields, name: "Rosa Martinez", email, phone: "585-555-0134", availability: "Weekday evenings, from January", coverLetter: "I love this store.", ...extra };
}
/** Sends an application as the page's script does, to the posting's upload route, and returns the route's answer. */
const apply = async (fields: FormFields, jobId = openJobId) => (await postUploadForm(route(jobId), fields)).answer;

type ApplicationRow = { id: number; job_id: number; resume_upload_id: string | null; resume_text: string | null; is_owner: number };
const applicationsOf = (email: string) =>
  withPortalDb((db) => db.prepare("select id, job_id, resume_upload_id, resume_text, is_owner from job_applications where email = ?").all(email)) as ApplicationRow[];
const uploadRow = (id: string) =>
  withPortalDb((db) => db.prepare("select id, original_name, content_type, size_bytes from uploads where id = ?").get(id)) as
    | { id: string; original_name: string; content_type: string; size_bytes: number }
    | undefined;
const uploadFiles = () => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()).sort() : []);
const uploadCount = () => (withPortalDb((db) => db.prepare("select count(*) as n from uploads").get()) as { n: number }).n;

/** Runs `submit` and checks it left no application for `email`, no upload row and no file. */
async function expectNothingWritten<T>(email: string, submit: () => Promise<T>) {
  const before = { files: uploadFiles(), uploads: uploadCount() };
  const answer = await submit();
  expect(applicationsOf(email)).toEqual([]);
  expect({ files: uploadFiles(), uploads: uploadCount() }).toEqual(before);
  return answer;
}

describe("the apply page", () => {
  it("is a multipart form posted to the posting's upload route, with a PDF/Word file input and a textarea for a pasted résumé", async () => {
    const page = await fetchPage(applyPath);
    expect(page.status).toBe(200);
    const form = page.document.querySelector("form:has(textarea[name=resumeText])")!;
    expect(form.getAttribute("action")).toBe(route());
    expect(form.getAttribute("enctype")).toBe("multipart/form-data");
    expect(form.getAttribute("method")?.toLowerCase()).toBe("post");
    const fileInput = form.querySelector<HTMLInputElement>("input[type=file][name=resume]")!;
    expect(fileInput.accept.split(",")).toEqual(expect.arrayContaining([".pdf", ".docx", ".doc", "application/pdf"]));
    expect(text(form.querySelector(`label[for="${fileInput.id}"]`))).toBe("Résumé file (PDF or Word, up to 5 MB)");
    for (const name of ["name", "email", "phone", "availability", "coverLetter", "resumeText"]) expect(form.querySelector(`[name=${name}]`)).not.toBeNull();
    expect(form.querySelector("input[type=checkbox][name=isOwner]")).not.toBeNull();
  });

  it.each([applyPath, `/jobs/${openSlug}/apply/thanks`])("%s is answered from the page cache the second time", async (pagePath) => {
    await fetch(portalUrl(pagePath));
    const second = await fetch(portalUrl(pagePath));
    expect(second.status).toBe(200);
    expect(second.headers.get("x-nextjs-cache")).toBe("HIT");
  });

  it("of a closed posting says it is closed and has no form", async () => {
    const page = await fetchPage(`/jobs/${closedSlug}/apply`);
    expect(page.status).toBe(200);
    expect(text(page.document.querySelector("main"))).toContain("This position is closed");
    expect(page.document.querySelector("form textarea[name=resumeText]")).toBeNull();
  });

  it("of a draft is not found", async () => {
    expect((await fetchPage(`/jobs/${draftSlug}/apply`)).status).toBe(404);
    expect((await fetchPage(`/jobs/${draftSlug}/apply/thanks`)).status).toBe(404);
  });
});

describe("applying with a résumé file", () => {
  const email = `rosa-${run}@example.org`;
  let pdf: Buffer;
  let stored: ApplicationRow;

  beforeAll(async () => {
    pdf = await smallPdf();
  });

  it("stores a real PDF under a random name in uploads/, and goes to the thank-you page", async () => {
    const answer = await apply(await application(email, { isOwner: "on", resume: file(pdf, "Rosa CV.pdf") }));
    expect(answer).toEqual({ ok: true, redirect: `/jobs/${openSlug}/apply/thanks` });
    [stored] = applicationsOf(email) as [ApplicationRow];
    expect(stored).toMatchObject({ job_id: openJobId, resume_text: null, is_owner: 1 });
    expect(stored.resume_upload_id).toMatch(/^[0-9a-f]{32}$/);
    expect(uploadRow(stored.resume_upload_id!)).toEqual({ id: stored.resume_upload_id, original_name: "Rosa CV.pdf", content_type: "application/pdf", size_bytes: pdf.length });
    expect(fs.readFileSync(path.join(uploadsDir(), stored.resume_upload_id!)).equals(pdf)).toBe(true);
    expect(uploadFiles().filter((name) => name.endsWith(".part"))).toEqual([]);
  });

  it("the thank-you page answers, and asks search engines not to index it", async () => {
    const page = await fetchPage(`/jobs/${openSlug}/apply/thanks`);
    expect(page.status).toBe(200);
    expect(text(page.document.querySelector("h1"))).toBe("Thank you for applying");
    expect(page.document.querySelector('meta[name="robots"]')?.getAttribute("content")).toContain("noindex");
  });

  it("the applicant gets a confirmation and staff a notification without the applicant's details", async () => {
    const confirmation = await waitForEmail(email);
    expect(confirmation.subject).toBe(`We have your application for Produce clerk ${openSlug}`);
    const staffMail = await waitForEmailWithSubject("store@coop.example", `New applicant for Produce clerk ${openSlug}`);
    expect(staffMail.text).toContain(portalUrl(`/staff/jobs/${openJobId}`));
    expect(`${staffMail.subject} ${staffMail.text}`).not.toMatch(/Rosa|rosa-|585-555/);
  });

  it("is audited without personal details", () => {
    const entry = withPortalDb((db) => db.prepare("select actor_id, detail from audit_log where action = 'job_application.submit' and subject_id = ?").get(String(stored.id))) as {
      actor_id: string | null;
      detail: string;
    };
    expect(entry.actor_id).toBeNull();
    expect(JSON.parse(entry.detail)).toEqual({ jobId: openJobId, resumeFile: true });
  });

  describe("the résumé download", () => {
    const downloadPath = () => `/staff/jobs/applicants/${stored.id}/resume`;
    const download = (cookie?: string) => fetch(portalUrl(downloadPath()), { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
    const downloadsAudited = () =>
      (withPortalDb((db) => db.prepare("select count(*) as n from audit_log where action = 'job_application.resume' and subject_id = ?").get(String(stored.id))) as { n: number }).n;

    it("sends anonymous visitors to sign in, without the file", async () => {
      const response = await download();
      expect(response.status).toBe(307);
      expect(new URL(response.headers.get("location")!, portalUrl()).pathname).toBe("/login");
      expect(await response.text()).not.toContain("%PDF");
    });

    it("refuses a forged session and a member itself (401, 403), without the file and unaudited", async () => {
      const before = downloadsAudited();
      for (const [cookie, status] of [
        [forgedSessionCookie, 401],
        [member, 403],
      ] as const) {
        const response = await download(cookie);
        expect(response.status).toBe(status);
        expect(response.headers.get("cache-control")).toBe("no-store");
        expect(await response.text()).not.toContain("%PDF");
      }
      expect(downloadsAudited()).toBe(before);
    });

    it("gives staff the file as an attachment of its sniffed type, not to be sniffed or stored by the browser; audited", async () => {
      const before = downloadsAudited();
      const response = await download(staff);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="Rosa CV.pdf"; filename*=UTF-8''Rosa%20CV.pdf`);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
      expect(downloadsAudited()).toBe(before + 1);
      const actor = withPortalDb((db) => db.prepare("select actor_email from audit_log where action = 'job_application.resume' order by id desc limit 1").get()) as { actor_email: string };
      expect(actor.actor_email).toBe(`jobs-apply-staff-${run}@coop.example`);
    });

    it("answers 404 to staff for an application without a file, or none at all", async () => {
      expect((await fetch(portalUrl("/staff/jobs/applicants/999999999/resume"), { headers: { Cookie: staff } })).status).toBe(404);
      expect((await fetch(portalUrl("/staff/jobs/applicants/abc/resume"), { headers: { Cookie: staff } })).status).toBe(404);
    });
  });

  it("a file name with ../ cannot reach outside uploads/: the file is stored by its random id, the name kept only for the download", async () => {
    const sneaky = `sneaky-${run}@example.org`;
    const escapeName = `escape-${run}.pdf`;
    const answer = await apply(await application(sneaky, { resume: file(pdf, `../../../${escapeName}`) }));
    expect(answer).toEqual({ ok: true, redirect: `/jobs/${openSlug}/apply/thanks` });
    const [row] = applicationsOf(sneaky);
    const upload = uploadRow(row!.resume_upload_id!)!;
    expect(upload.original_name).toBe(escapeName);
    expect(fs.existsSync(path.join(uploadsDir(), upload.id))).toBe(true);
    for (const folder of [portalDataDir(), path.dirname(portalDataDir()), path.resolve(uploadsDir(), "../../..")]) {
      expect(fs.existsSync(path.join(folder, escapeName))).toBe(false);
    }
    expect(uploadFiles().some((name) => name.includes("escape"))).toBe(false);
  });

  it("takes a Word document (.docx), recognised by its content", async () => {
    const email = `docx-${run}@example.org`;
    expect(await apply(await application(email, { resume: file(minimalDocx(), "cv.docx", "application/octet-stream") }))).toEqual({
      ok: true,
      redirect: `/jobs/${openSlug}/apply/thanks`,
    });
    const upload = uploadRow(applicationsOf(email)[0]!.resume_upload_id!)!;
    expect(upload.content_type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  });

  it("takes a legacy Word document (.doc, an OLE compound file) as application/msword", async () => {
    const email = `doc-${run}@example.org`;
    expect(await apply(await application(email, { resume: file(minimalCompoundFile(), "cv.doc", "application/msword") }))).toEqual({
      ok: true,
      redirect: `/jobs/${openSlug}/apply/thanks`,
    });
    expect(uploadRow(applicationsOf(email)[0]!.resume_upload_id!)!).toMatchObject({ content_type: "application/msword", original_name: "cv.doc" });
  });
});

describe("refused résumé files leave nothing behind", () => {
  it("an old Excel spreadsheet (an OLE compound file like a .doc, without a WordDocument stream) renamed .doc is refused", async () => {
    const email = `xls-${run}@example.org`;
    const answer = await expectNothingWritten(email, async () =>
      apply(await application(email, { resume: file(minimalCompoundFile("Workbook"), "cv.doc", "application/msword") })),
    );
    expect(answer).toMatchObject({ ok: false, fieldErrors: { resume: [expect.stringMatching(/^This file is not a PDF or a Word document\./)] } });
  });

  it("an HTML file renamed .pdf is refused at the file field", async () => {
    const email = `html-${run}@example.org`;
    const html = "<!doctype html><html><body><script>alert(1)</script></body></html>";
    const answer = await expectNothingWritten(email, async () => apply(await application(email, { resume: file(html, "cv.pdf") })));
    expect(answer).toMatchObject({
      ok: false,
      fieldErrors: { resume: [expect.stringMatching(/^This file is not a PDF or a Word document\./)] },
      values: { name: "Rosa Martinez", email },
    });
  });

  it("a 6 MB PDF sent without JavaScript is refused at the file field, on the page the form comes back to", async () => {
    const email = `big-${run}@example.org`;
    const pdf = await smallPdf();
    const big = Buffer.concat([pdf, Buffer.alloc(6 * MB - pdf.length, 0x20)]);
    // The page's script stops such a file before sending it; a browser without it sends it all, and is answered after.
    const response = await expectNothingWritten(email, async () => submitForm(route(), await application(email, { resume: file(big, "big.pdf") })));
    expect(response.headers.get("location")).toBe(`/jobs/${openSlug}/apply/returned`);
    const page = await fetch(portalUrl(response.headers.get("location")!), { headers: { Cookie: response.headers.getSetCookie()[0]!.split(";")[0]! } });
    expect(await page.text()).toContain("This file is larger than 5 MB.");
  });

  it("a PDF just over 5 MB (read up to its cap, the rest of it skipped) is refused at the file field with what was typed", async () => {
    const email = `just-over-${run}@example.org`;
    const pdf = await smallPdf();
    const big = Buffer.concat([pdf, Buffer.alloc(5 * MB + 100 - pdf.length, 0x20)]);
    const answer = await expectNothingWritten(email, async () => apply(await application(email, { resume: file(big, "big.pdf") })));
    expect(answer).toMatchObject({ ok: false, fieldErrors: { resume: [expect.stringMatching(/^This file is larger than 5 MB\./)] }, values: { email, name: "Rosa Martinez" } });
  });

  it("neither a file nor pasted text: an error at the file field, and what was typed comes back", async () => {
    const email = `nothing-${run}@example.org`;
    const answer = await expectNothingWritten(email, async () => apply(await application(email)));
    expect(answer).toMatchObject({
      ok: false,
      fieldErrors: { resume: ["Attach your résumé as a PDF or Word file, or paste it as text above."] },
      values: { name: "Rosa Martinez", email, availability: "Weekday evenings, from January", coverLetter: "I love this store." },
    });
  });

  it("applying to a closed posting is refused and writes nothing", async () => {
    const email = `closed-${run}@example.org`;
    const answer = await expectNothingWritten(email, async () =>
      apply(await application(email, { resume: file(await smallPdf(), "cv.pdf") }), closedJobId),
    );
    expect(answer).toMatchObject({ ok: false, message: "This position is closed: we are no longer taking applications for it. See our current openings." });
  });

  it("applying to a draft is refused and writes nothing", async () => {
    const email = `draft-${run}@example.org`;
    const draftId = (withPortalDb((db) => db.prepare("select id from jobs where slug = ?").get(draftSlug)) as { id: number }).id;
    const answer = await expectNothingWritten(email, async () => apply(await application(email, { resumeText: "Ten years in retail." }), draftId));
    expect(answer).toMatchObject({ ok: false, message: "This posting does not take applications. See our current openings." });
  });
});

describe("applying with a pasted résumé", () => {
  it("stores the text, with no file", async () => {
    const email = `pasted-${run}@example.org`;
    const before = uploadCount();
    const answer = await apply(await application(email, { resumeText: "Cashier, 2019–2025.\nProduce, 2015–2019." }));
    expect(answer).toEqual({ ok: true, redirect: `/jobs/${openSlug}/apply/thanks` });
    const [row] = applicationsOf(email);
    expect(row).toMatchObject({ resume_upload_id: null, is_owner: 0 });
    // A multipart body carries a textarea's line breaks as CRLF (HTML's form encoding).
    expect(row!.resume_text).toBe("Cashier, 2019–2025.\r\nProduce, 2015–2019.");
    expect(uploadCount()).toBe(before);
  });
});

describe("without JavaScript", () => {
  it("the plain form post applies with a file and redirects to the thank-you page", async () => {
    const email = `nojs-${run}@example.org`;
    const response = await submitForm(route(), await application(email, { resume: file(await smallPdf(), "cv.pdf") }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/jobs/${openSlug}/apply/thanks`);
    expect(applicationsOf(email)).toHaveLength(1);
  });

  it("a refused file comes back as a page with the error tied to the file field, what was typed kept, once", async () => {
    const email = `nojs-bad-${run}@example.org`;
    const response = await expectNothingWritten(email, async () => submitForm(route(), await application(email, { resume: file("plain text, not a PDF", "cv.pdf") })));
    expect(response.status).toBe(303);
    const returned = response.headers.get("location")!;
    expect(returned).toBe(`/jobs/${openSlug}/apply/returned`);
    const cookie = response.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(new RegExp(`; Path=${returned}; Max-Age=600; HttpOnly; SameSite=Lax$`));
    const page = await fetch(portalUrl(returned), { headers: { Cookie: cookie.split(";")[0]! }, redirect: "manual" });
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toContain("no-store");
    const document = new JSDOM(await page.text()).window.document;
    const input = document.querySelector<HTMLInputElement>("input[name=resume]")!;
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const described = input.getAttribute("aria-describedby")!.split(" ").map((id) => text(document.getElementById(id)));
    expect(described.join(" ")).toContain("This file is not a PDF or a Word document.");
    expect(described.join(" ")).toContain("Choose your file again");
    expect(document.querySelector<HTMLInputElement>("input[name=email]")!.value).toBe(email);
    expect(document.querySelector<HTMLTextAreaElement>("textarea[name=coverLetter]")!.value).toBe("I love this store.");
    expect(document.querySelector('meta[name="robots"]')?.getAttribute("content")).toContain("noindex");
    // Shown once: what was typed is then forgotten, and the address leads back to the empty form.
    const again = await fetch(portalUrl(returned), { headers: { Cookie: cookie.split(";")[0]! }, redirect: "manual" });
    expect({ status: again.status, location: again.headers.get("location") }).toEqual({ status: 307, location: applyPath });
  });

  it("the page a refused form comes back to shows nothing to another browser, which goes to the empty form", async () => {
    const response = await fetch(portalUrl(`/jobs/${openSlug}/apply/returned`), { redirect: "manual" });
    expect({ status: response.status, location: response.headers.get("location") }).toEqual({ status: 307, location: applyPath });
  });

  it("a taken application forgets any form kept for the page", async () => {
    const email = `nojs-after-${run}@example.org`;
    const response = await submitForm(route(), await application(email, { resumeText: "Ten years in retail." }));
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(new RegExp(`^coop-returned-form=; Path=/jobs/${openSlug}/apply/returned; Max-Age=0;`))]);
  });
});

describe("the retention setting", () => {
  const setting = () => withPortalDb((db) => db.prepare("select value from settings where key = 'jobs'").get()) as { value: string } | undefined;
  let admin: string;
  beforeAll(async () => {
    admin = storedSessionCookie(`jobs-apply-admin-${run}@coop.example`, "admin");
  });

  it("is refused to members and staff by the action itself, and changes nothing", async () => {
    const form = await scrapeForm("/staff/settings", admin, hasField("retentionDays"));
    expect(form.retentionDays).toBe("365");
    for (const [cookie, message] of [
      [forgedSessionCookie, "Please sign in first."],
      [member, "This is for co-op admins."],
      [staff, "This is for co-op admins."],
    ] as const) {
      expect(await callAction("/staff/settings", { ...form, retentionDays: "90" }, cookie)).toEqual(expect.objectContaining({ ok: false, message }));
    }
    expect(setting()).toBeUndefined();
  });

  it("refuses a number out of range at the field", async () => {
    const form = await scrapeForm("/staff/settings", admin, hasField("retentionDays"));
    expect(await callAction("/staff/settings", { ...form, retentionDays: "10" }, admin)).toMatchObject({
      ok: false,
      fieldErrors: { retentionDays: ["Give a whole number of days from 30 to 3,650."] },
    });
    expect(setting()).toBeUndefined();
  });

  it("an admin sets it; audited with the change", async () => {
    const form = await scrapeForm("/staff/settings", admin, hasField("retentionDays"));
    try {
      expect(await callAction("/staff/settings", { ...form, retentionDays: "730" }, admin)).toMatchObject({ ok: true });
      expect(JSON.parse(setting()!.value)).toEqual({ retentionDays: 730 });
      const entry = withPortalDb((db) => db.prepare("select detail from audit_log where action = 'settings.jobs' order by id desc limit 1").get()) as { detail: string };
      expect(JSON.parse(entry.detail)).toEqual({ from: { retentionDays: 365 }, to: { retentionDays: 730 } });
    } finally {
      await callAction("/staff/settings", { ...form, retentionDays: "365" }, admin);
    }
  });
});

/** The smallest .docx file-type recognises: a zip whose [Content_Types].xml names a Word document. */
function minimalDocx() {
  const entries: [string, string][] = [
    [
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    ["word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'],
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const fileName = Buffer.from(name);
    const crc = zlibCrc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function zlibCrc32(data: Buffer) {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** An OLE compound file header and one directory entry naming its stream: WordDocument in a .doc, Workbook in an .xls. */
function minimalCompoundFile(stream = "WordDocument") {
  const file = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file);
  Buffer.from(stream, "utf16le").copy(file, 512);
  return file;
}
