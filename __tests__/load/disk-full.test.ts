import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { hasField, postUploadForm, scrapeUploadForm } from "../helpers/forms";
import { temporaryDataDir } from "../helpers/portal-server";
import {
  insertOpenPosting,
  readForms,
  startPortal,
  storedState,
  submit,
  uploadsOnDisk,
  type Forms,
  type Outcome,
  type RunningPortal,
  type Submission,
} from "./load-kit";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(3 * 60_000);

/** Mounting a file system needs root; CI runs as root. */
const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn("Skipped the full-disk suite: mounting a small tmpfs over uploads/ needs root, and this process is not root.");

const run = crypto.randomBytes(3).toString("hex");
const jobSlug = `disk-${run}`;
/** Room for a few of the résumés below and then a part of one. */
const UPLOADS_SIZE = "1m";

let dataDir: string;
let uploadsMount: string;
let mounted = false;
let portal: RunningPortal | undefined;
let forms: Forms;

/** A real PDF of about 180 kB: a page of text and an attachment of random (incompressible) bytes. */
async function largeResumePdf(name: string) {
  const document = await PDFDocument.create();
  document.addPage().drawText(`${name} - ten years in retail`, { x: 50, y: 700, font: await document.embedFont(StandardFonts.Helvetica) });
  await document.attach(crypto.randomBytes(180_000), "references.bin", { mimeType: "application/octet-stream" });
  return Buffer.from(await document.save());
}

(asRoot ? describe : describe.skip)("a full disk under uploads/ (a 1 MB tmpfs)", () => {
  beforeAll(async () => {
    dataDir = temporaryDataDir("disk-full");
    uploadsMount = path.join(dataDir, "uploads");
    fs.mkdirSync(uploadsMount, { recursive: true });
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${UPLOADS_SIZE},mode=0700`, "tmpfs", uploadsMount]);
    mounted = true;
    // The mail outbox lives beside uploads/, on the roomy disk: only the uploads fill.
    portal = await startPortal({ dataDir, env: { DEMO: "1", PUBLIC_FORM_LIMIT_PER_IP: "100000", PUBLIC_FORM_LIMIT_TOTAL_PER_HOUR: "1000000" } });
    insertOpenPosting(dataDir, jobSlug);
    forms = await readForms(portal.url, jobSlug);
    // The sign-in and form helpers speak to whichever portal these name.
    Object.assign(process.env, { PORTAL_URL: portal.url, PORTAL_DATA_DIR: dataDir, PORTAL_MAIL_DIR: path.join(dataDir, "outbox") });
  }, 15 * 60_000);

  afterAll(async () => {
    for (const name of ["PORTAL_URL", "PORTAL_DATA_DIR", "PORTAL_MAIL_DIR"]) delete process.env[name];
    await portal?.stop();
    if (mounted) execFileSync("umount", [uploadsMount]);
  });

  it("refuses each application whose résumé no longer fits with a message on the résumé field, and stores nothing half", async () => {
    // One after another, until two have been refused after the disk filled: which ones fit is then certain.
    const applicants: Submission[] = [];
    const outcomes: Outcome[] = [];
    for (let index = 0; index < 12 && outcomes.filter((outcome) => !outcome.stored).length < 2; index++) {
      const applicant: Submission = { kind: "job", index, email: `disk-${run}-${index}@coop.example`, resume: await largeResumePdf(`Applicant ${index}`) };
      applicants.push(applicant);
      outcomes.push(await submit(portal!.url, forms, applicant));
    }

    // The upload route answers 200 to an application it took, 400 to one refused at a field.
    expect(outcomes.filter((outcome) => outcome.status !== (outcome.stored ? 200 : 400))).toEqual([]);
    const stored = outcomes.filter((outcome) => outcome.stored);
    const refused = outcomes.filter((outcome) => !outcome.stored);
    expect(stored.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const outcome of refused) {
      expect(outcome.detail).toBe("Please correct the fields marked below.");
      expect(outcome.resumeError).toMatch(/cannot store files right now.*paste your résumé as text/i);
    }

    // What was stored is whole, and what was refused left nothing.
    const rows = storedState(dataDir, applicants.map((applicant) => applicant.email));
    expect([...rows.jobApplications.keys()].sort()).toEqual(stored.map((outcome) => outcome.submission.email).sort());
    for (const outcome of stored) {
      const row = rows.jobApplications.get(outcome.submission.email)!;
      expect(fs.readFileSync(path.join(uploadsMount, row.uploadId!)).equals(outcome.submission.resume!)).toBe(true);
    }
    const disk = uploadsOnDisk(dataDir);
    expect({ part: disk.partFiles, strays: disk.strays, missing: disk.missing }).toEqual({ part: [], strays: [], missing: [] });
  });

  it("still takes an application with the résumé pasted as text while the disk is full", async () => {
    const email = `disk-${run}-pasted@coop.example`;
    const outcome = await submit(portal!.url, forms, { kind: "job", index: 99, email, resumeText: "Ten years in retail, five in produce." });
    expect(outcome).toMatchObject({ status: 200, stored: true });
    expect(storedState(dataDir, [email]).jobApplications.get(email)).toMatchObject({ uploadId: null });
  });

  it("refuses a Rutabaga Rap issue's PDF on its field while the disk is full, and stores nothing", async () => {
    const staff = storedSessionCookie(`disk-staff-${run}@coop.example`, "staff");
    const { action: route, fields: scraped } = await scrapeUploadForm("/staff/newsletter/issues", staff, hasField("title"));
    const before = uploadsOnDisk(dataDir);
    const pdf = await largeResumePdf("The compost issue");
    const { answer } = await postUploadForm(
      route,
      { ...scraped, title: `The full-disk issue ${run}`, summary: "", issuedOn: "2026-11-01", pdf: new File([new Uint8Array(pdf)], "issue.pdf", { type: "application/pdf" }) },
      { cookie: staff },
    );
    expect(answer).toMatchObject({ ok: false, fieldErrors: { pdf: [expect.stringMatching(/no room to store this file right now, so nothing was saved/)] } });
    const after = uploadsOnDisk(dataDir);
    expect({ files: after.files.sort(), rows: [...after.rows].sort() }).toEqual({ files: before.files.sort(), rows: [...before.rows].sort() });
  });
});
