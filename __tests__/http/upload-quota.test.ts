import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { formatFileSize } from "@/lib/newsletter/issue-files";
import { postUploadForm } from "../helpers/forms";
import { text } from "../helpers/html";
import { withPortalDb } from "../helpers/portal";
import { startPortal, temporaryDataDir, type RunningPortal } from "../helpers/portal-server";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(120_000);

/*
 * The uploads' disk quota (UPLOAD_QUOTA_MB), on a portal of its own started with a quota
 * of 1 MB and no demo content, so that what is stored is only what this file sends.
 */

const run = crypto.randomBytes(4).toString("hex");
const saved = ["PORTAL_URL", "PORTAL_DATA_DIR", "PORTAL_MAIL_DIR"].map((name) => [name, process.env[name]] as const);
let portal: RunningPortal | undefined;
let dataDir: string;
let jobId: number;

beforeAll(async () => {
  dataDir = temporaryDataDir("upload-quota");
  portal = await startPortal({ dataDir, env: { UPLOAD_QUOTA_MB: "1", DEMO: "0", OUTBOX_OK: "1", SIGNIN_LIMIT_PER_IP: "10000", PUBLIC_FORM_LIMIT_PER_IP: "10000" } });
  // The sign-in and form helpers speak to whichever portal these name.
  Object.assign(process.env, { PORTAL_URL: portal.url, PORTAL_DATA_DIR: dataDir, PORTAL_MAIL_DIR: path.join(dataDir, "outbox") });
  jobId = withPortalDb((db) => {
    const now = Date.now();
    return (
      db
        .prepare(
          `insert into jobs (slug, title, department, employment_type, hours, pay_min_cents, pay_unit, location, description, closes_on, status, published_at, created_at, updated_at)
           values (?, 'Cashier', 'Front end', 'part_time', '20 hours a week', 1650, 'hour', 'The store', 'Ring up groceries.', '2099-12-31', 'published', ?, ?, ?) returning id`,
        )
        .get(`quota-${run}`, now, now, now) as { id: number }
    ).id;
  });
}, 15 * 60_000);

afterAll(async () => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await portal?.stop();
});

/** A real PDF of about 600 kB: a page of text and an attachment of random (incompressible) bytes. */
async function pdfOf(line: string) {
  const document = await PDFDocument.create();
  document.addPage().drawText(line, { x: 50, y: 700, font: await document.embedFont(StandardFonts.Helvetica) });
  await document.attach(crypto.randomBytes(600_000), "photos.bin", { mimeType: "application/octet-stream" });
  return Buffer.from(await document.save());
}

const asFile = (bytes: Buffer, name: string) => new File([new Uint8Array(bytes)], name, { type: "application/pdf" });
const applicant = (email: string) => ({ name: "Rosa Martinez", email, phone: "585-555-0134", availability: "Weekday evenings", coverLetter: "" });
const stored = () => ({
  uploads: withPortalDb((db) => db.prepare("select id from uploads order by id").pluck().all()),
  files: fs.readdirSync(path.join(dataDir, "uploads")).sort(),
});

describe("with UPLOAD_QUOTA_MB=1", () => {
  it("stores a résumé that fits", async () => {
    const { status, answer } = await postUploadForm(`/api/jobs/${jobId}/applications`, { ...applicant(`quota-first-${run}@example.org`), resume: asFile(await pdfOf("First"), "cv.pdf") });
    expect({ status, answer }).toEqual({ status: 200, answer: expect.objectContaining({ ok: true }) });
    expect(stored().uploads).toHaveLength(1);
  });

  it("refuses a résumé that would take the uploads past the quota, with a calm word at the file field, storing nothing", async () => {
    const email = `quota-second-${run}@example.org`;
    const before = stored();
    const { status, answer } = await postUploadForm(`/api/jobs/${jobId}/applications`, { ...applicant(email), resume: asFile(await pdfOf("Second"), "cv.pdf") });
    expect(status).toBe(400);
    expect(answer).toMatchObject({ ok: false, fieldErrors: { resume: [expect.stringMatching(/^We cannot take more files at the moment\..*paste your résumé as text/)] }, values: { email } });
    expect(stored()).toEqual(before);
    expect(withPortalDb((db) => db.prepare("select count(*) from job_applications where email = ?").pluck().get(email))).toBe(0);
  });

  it("still takes an application with the résumé pasted as text", async () => {
    const { answer } = await postUploadForm(`/api/jobs/${jobId}/applications`, { ...applicant(`quota-text-${run}@example.org`), resumeText: "Ten years in retail." });
    expect(answer).toMatchObject({ ok: true });
  });

  it("refuses staff an issue over the quota at the PDF field, saying how much is used, storing nothing", async () => {
    const staff = storedSessionCookie(`quota-staff-${run}@coop.example`, "staff");
    const before = stored();
    const { status, answer } = await postUploadForm(
      "/api/staff/newsletter/issues",
      { title: "The quota issue", issuedOn: "2026-02-01", summary: "", pdf: asFile(await pdfOf("Issue"), "issue.pdf") },
      { cookie: staff },
    );
    expect(status).toBe(400);
    expect(answer).toMatchObject({ ok: false, fieldErrors: { pdf: [expect.stringMatching(/^The space for uploaded files is full \(.+ of 1\.0 MB used\)/)] }, values: { title: "The quota issue" } });
    expect(stored()).toEqual(before);
  });

  it("shows the space used against the quota on the settings page", async () => {
    const admin = storedSessionCookie(`quota-admin-${run}@coop.example`, "admin");
    const used = withPortalDb((db) => db.prepare("select sum(size_bytes) from uploads").pluck().get() as number);
    const page = await fetch(new URL("/staff/settings", portal!.url), { headers: { Cookie: admin } });
    expect(page.status).toBe(200);
    const section = new JSDOM(await page.text()).window.document.querySelector("section[aria-labelledby='upload-space-heading']");
    expect(text(section)).toContain(`${formatFileSize(used)} of 1.0 MB used`);
    expect(text(section)).toContain("UPLOAD_QUOTA_MB");
  });
});
