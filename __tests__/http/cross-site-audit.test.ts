import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { portalDataDir, portalUrl, withPortalDb } from "../helpers/portal";
import { routeFiles } from "../helpers/routes";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(120_000);

const run = crypto.randomBytes(4).toString("hex");
const staffEmail = `cross-site-staff-${run}@coop.example`;
const adminEmail = `cross-site-admin-${run}@coop.example`;
let staff: string;
let admin: string;
/** Concrete addresses of the audited GETs, by the pattern of the file that answers them. */
const targets = new Map<string, { url: string; who: "staff" | "admin" }>();

/** The files; every other target is a page. */
const downloads = ["/staff/owners/export.csv", "/staff/newsletter/subscribers/export.csv", "/staff/owners/applications/[id]/pdf", "/staff/jobs/applicants/[id]/resume", "/staff/elections/[id]/results.csv"];

const one = (sql: string) => withPortalDb((db) => db.prepare(sql).pluck().get()) as number;
const auditRowsBy = (email: string) => withPortalDb((db) => db.prepare("select count(*) from audit_log where actor_email = ?").pluck().get(email)) as number;

beforeAll(async () => {
  staff = storedSessionCookie(staffEmail, "staff");
  admin = storedSessionCookie(adminEmail, "admin");
  // An applicant with a résumé file, so that the résumé download has something to send.
  const applicationId = withPortalDb((db) => {
    const uploadId = crypto.randomBytes(16).toString("hex");
    const pdf = "%PDF-1.4\n%%EOF\n";
    fs.mkdirSync(path.join(portalDataDir(), "uploads"), { recursive: true });
    fs.writeFileSync(path.join(portalDataDir(), "uploads", uploadId), pdf);
    db.prepare("insert into uploads (id, original_name, content_type, size_bytes, created_at) values (?, 'cv.pdf', 'application/pdf', ?, ?)").run(uploadId, pdf.length, Date.now());
    const jobId = db.prepare("select id from jobs order by id limit 1").pluck().get() as number;
    return Number(
      db
        .prepare("insert into job_applications (job_id, name, email, phone, availability, resume_upload_id, created_at, status_changed_at) values (?, 'Ada Cross', ?, '585-555-0100', 'Any', ?, ?, ?)")
        .run(jobId, `cross-site-applicant-${run}@coop.example`, uploadId, Date.now(), Date.now()).lastInsertRowid,
    );
  });
  // A sent message of its own, so that the outbox's message page has one to show whichever tests ran before.
  withPortalDb((db) =>
    db
      .prepare("insert into email_outbox (message_id, \"to\", subject, text, html, status, next_try_at, created_at) values (?, ?, 'Cross-site test', 'Hello', '<p>Hello</p>', 'sent', ?, ?)")
      .run(`<cross-site-${run}@coop.example>`, staffEmail, Date.now(), Date.now()),
  );
  // A list file waiting for its import, so that its preview (an audited view) has one to show.
  const stagedImport = crypto.randomBytes(16).toString("hex");
  withPortalDb((db) => {
    const list = `email\r\ncross-site-reader-${run}@coop.example\r\n`;
    fs.writeFileSync(path.join(portalDataDir(), "uploads", stagedImport), list);
    db.prepare("insert into uploads (id, original_name, content_type, size_bytes, created_at) values (?, 'list.csv', 'text/csv', ?, ?)").run(stagedImport, list.length, Date.now());
  });
  const ids = {
    application: one("select id from owner_applications order by id limit 1"),
    owner: one("select id from owners order by id limit 1"),
    job: one("select job_id from job_applications order by id limit 1"),
    outbox: one("select id from email_outbox order by id limit 1"),
    // The demo's certified election: its roll and its results CSV.
    election: one("select id from elections where status = 'certified' order by id limit 1"),
  };
  const list: [string, string, "staff" | "admin"][] = [
    ["/staff/owners/export.csv", "/staff/owners/export.csv", "staff"],
    ["/staff/newsletter/subscribers/export.csv", "/staff/newsletter/subscribers/export.csv", "staff"],
    ["/staff/owners/applications/[id]/pdf", `/staff/owners/applications/${ids.application}/pdf`, "staff"],
    ["/staff/jobs/applicants/[id]/resume", `/staff/jobs/applicants/${applicationId}/resume`, "staff"],
    ["/staff/owners", "/staff/owners", "staff"],
    ["/staff/owners/[id]", `/staff/owners/${ids.owner}`, "staff"],
    ["/staff/owners/applications", "/staff/owners/applications", "staff"],
    ["/staff/owners/applications/[id]", `/staff/owners/applications/${ids.application}`, "staff"],
    ["/staff/jobs/[id]", `/staff/jobs/${ids.job}`, "staff"],
    ["/staff/jobs/applicants/[id]", `/staff/jobs/applicants/${applicationId}`, "staff"],
    ["/staff/newsletter/subscribers", "/staff/newsletter/subscribers", "staff"],
    ["/staff/newsletter/import", `/staff/newsletter/import?file=${stagedImport}`, "staff"],
    ["/staff/elections/[id]/roll", `/staff/elections/${ids.election}/roll`, "staff"],
    ["/staff/elections/[id]/results.csv", `/staff/elections/${ids.election}/results.csv`, "staff"],
    ["/staff/outbox", "/staff/outbox", "admin"],
    ["/staff/outbox/[id]", `/staff/outbox/${ids.outbox}`, "admin"],
  ];
  for (const [pattern, url, who] of list) targets.set(pattern, { url, who });
});

/** The pages and route handlers whose GET writes an audit row, found on disk. */
function auditedGets() {
  return routeFiles()
    .filter(({ file }) => {
      const source = fs.readFileSync(path.join(process.cwd(), file), "utf8");
      return /\brecordAudit\(|\brecordPersonalDataView\(/.test(source) && (file.endsWith("page.tsx") || /export\s+(async\s+)?function\s+GET\b/.test(source));
    })
    .map(({ pattern }) => pattern);
}

const get = (url: string, cookie: string, secFetchSite?: string) =>
  fetch(portalUrl(url), { redirect: "manual", headers: { Cookie: cookie, ...(secFetchSite && { "Sec-Fetch-Site": secFetchSite }) } });

describe("GETs that write an audit row in a staff member's name", () => {
  it("are all below (a new one must be added here)", () => {
    expect(auditedGets().sort()).toEqual([...targets.keys()].sort());
  });

  it.each([["cross-site"], ["same-site"]])("a request another site started (Sec-Fetch-Site: %s) is refused with 403 and writes no audit row", async (site) => {
    for (const [pattern, { url, who }] of targets) {
      const email = who === "admin" ? adminEmail : staffEmail;
      const before = auditRowsBy(email);
      const response = await get(url, who === "admin" ? admin : staff, site);
      const body = await response.text();
      expect({ pattern, status: response.status, written: auditRowsBy(email) - before }).toEqual({ pattern, status: 403, written: 0 });
      if (!downloads.includes(pattern)) {
        // A page says why and offers its own address as a link (the staff area's 403 is drawn by
        // Next's script from this payload; __tests__/browser/cross-site-audit.test.ts follows the link).
        expect({ pattern, says: body.includes("Open this page from the portal") }).toEqual({ pattern, says: true });
      } else {
        expect({ pattern, body: JSON.parse(body) }).toEqual({ pattern, body: expect.objectContaining({ error: "forbidden" }) });
      }
    }
  });

  it.each([["same-origin"], ["none"], [undefined]])("a request from the portal's own pages, a bookmark or a typed address (Sec-Fetch-Site: %s) is answered and writes one row", async (site) => {
    for (const [pattern, { url, who }] of targets) {
      const email = who === "admin" ? adminEmail : staffEmail;
      const before = auditRowsBy(email);
      const response = await get(url, who === "admin" ? admin : staff, site);
      await response.arrayBuffer();
      expect({ pattern, status: response.status, written: auditRowsBy(email) - before }).toEqual({ pattern, status: 200, written: 1 });
    }
  });
});
