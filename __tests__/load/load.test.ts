import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { callAction, hasField, scrapeForm } from "../helpers/forms";
import { inPool } from "../helpers/owners";
import { temporaryDataDir } from "../helpers/portal-server";
import { startSmtpReceiver, type SmtpReceiver } from "../helpers/smtp-receiver";
import {
  attachResumes,
  exportMonographs,
  figures,
  fullRun,
  insertOpenPosting,
  integrityCheck,
  kinds,
  loadPortalEnv,
  lockedPattern,
  npmRun,
  plan,
  readForms,
  sendAll,
  sha256,
  startPortal,
  startSecondWriter,
  storedState,
  tsxRun,
  uploadsOnDisk,
  withDb,
  type CommandResult,
  type Kind,
  type Outcome,
  type RunningPortal,
  type Submission,
} from "./load-kit";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(fullRun ? 30 * 60_000 : 5 * 60_000);

const counts: Record<Kind, number> = fullRun ? { signup: 2000, owner: 500, job: 200 } : { signup: 900, owner: 240, job: 100 };
const run = crypto.randomBytes(3).toString("hex");
const jobSlug = `load-${run}`;

let receiver: SmtpReceiver;
let portal: RunningPortal;
let monographFolder: string;
let staffSession: string;
let outcomes: Outcome[] = [];
let writerResults: CommandResult[] = [];
/** The drill's backup, taken while the load runs, and what had been acknowledged before it started. */
let drill: { backup: Promise<CommandResult>; acknowledgedBefore: Submission[] } | undefined;
/** When the load's last answer came. */
let loadEnd: number;

beforeAll(async () => {
  const dataDir = temporaryDataDir("load");
  receiver = await startSmtpReceiver({ folder: path.join(dataDir, "..", `coop-load-mail-${run}`) });
  portal = await startPortal({ dataDir, env: loadPortalEnv(receiver.port) });
  insertOpenPosting(dataDir, jobSlug);
  monographFolder = await exportMonographs(dataDir);
  // A staff member signed in before the load: the session is in the backup, and downloads résumés from the restored portal.
  // The sign-in helper speaks to whichever portal these name; nothing else in this file reads them.
  Object.assign(process.env, { PORTAL_URL: portal.url, PORTAL_DATA_DIR: dataDir, PORTAL_MAIL_DIR: receiver.folder });
  staffSession = storedSessionCookie(`drill-staff-${run}@coop.example`, "staff");
  for (const name of ["PORTAL_URL", "PORTAL_DATA_DIR", "PORTAL_MAIL_DIR"]) delete process.env[name];
}, 15 * 60_000);

afterAll(async () => {
  await portal?.stop();
  await receiver?.stop();
});

/** How many times each command of the second process ran, e.g. "monographs:import ×3, db:maintain ×3". */
function secondProcessRuns() {
  const runs = new Map<string, number>();
  for (const result of writerResults) runs.set(result.command.split(" ")[2]!, (runs.get(result.command.split(" ")[2]!) ?? 0) + 1);
  return [...runs].map(([script, times]) => `${script} ×${times}`).join(", ");
}

const acknowledged = (outcome: Outcome) => typeof outcome.status === "number" && outcome.status < 400 && outcome.stored;

describe(`${counts.signup} newsletter signups, ${counts.owner} owner applications and ${counts.job} job applications at concurrency 30, while a second process imports monographs, maintains and backs up the same database`, () => {
  let submissions: Submission[];
  let loadStart: number;

  beforeAll(async () => {
    submissions = plan(run, counts);
    await attachResumes(submissions);
    const forms = await readForms(portal.url, jobSlug);
    const writer = startSecondWriter(portal.dataDir, monographFolder);
    const ackedSoFar: Submission[] = [];
    loadStart = Date.now();
    const started = performance.now();
    outcomes = await sendAll(portal.url, forms, submissions, (outcome) => {
      if (acknowledged(outcome)) ackedSoFar.push(outcome.submission);
      if (!drill && ackedSoFar.length >= submissions.length / 3) {
        drill = { acknowledgedBefore: [...ackedSoFar], backup: npmRun("db:backup", [], portal.dataDir) };
      }
    });
    const seconds = (performance.now() - started) / 1000;
    loadEnd = Date.now();
    writerResults = await writer.stop();
    console.log(`Load (${fullRun ? "full" : "CI size"}):\n${figures(outcomes, seconds)}\nSecond process meanwhile: ${secondProcessRuns()}`);
  }, fullRun ? 30 * 60_000 : 5 * 60_000);

  it("answers every submission 2xx with its thank-you (0 5xx, no refusal)", () => {
    const notStored = outcomes.filter((outcome) => !acknowledged(outcome)).map(({ submission, status, detail }) => ({ kind: submission.kind, status, detail }));
    expect(notStored).toEqual([]);
    expect(outcomes).toHaveLength(submissions.length);
  });

  it("stores exactly the acknowledged submissions, kind by kind, each owner application with its household", () => {
    const stored = storedState(portal.dataDir, submissions.map((submission) => submission.email));
    const ackedEmails = (kind: Kind) => outcomes.filter((outcome) => outcome.submission.kind === kind && acknowledged(outcome)).map((outcome) => outcome.submission.email).sort();
    expect({
      signup: [...stored.subscribers].sort(),
      owner: [...stored.applications.keys()].sort(),
      job: [...stored.jobApplications.keys()].sort(),
    }).toEqual(Object.fromEntries(kinds.map((kind) => [kind, ackedEmails(kind)])));
    expect([...stored.applications.values()].filter((row) => row.household !== 1)).toEqual([]);
  });

  it("keeps each job application's résumé under uploads/, the very bytes sent, and no other file", () => {
    const stored = storedState(portal.dataDir, submissions.map((submission) => submission.email));
    const resumes = new Map(submissions.filter((submission) => submission.kind === "job").map((submission) => [submission.email, submission.resume!]));
    const wrongFiles = [...stored.jobApplications.values()].filter((row) => {
      const file = row.uploadId && path.join(portal.dataDir, "uploads", row.uploadId);
      return !file || !fs.existsSync(file) || sha256(fs.readFileSync(file)) !== sha256(resumes.get(row.email)!);
    });
    expect(wrongFiles).toEqual([]);
    const disk = uploadsOnDisk(portal.dataDir);
    expect({ part: disk.partFiles, strays: disk.strays, missing: disk.missing }).toEqual({ part: [], strays: [], missing: [] });
  });

  it("had the second process write during the load, every run of it succeeding", () => {
    const ranDuringLoad = (script: string) =>
      writerResults.filter((result) => result.command.startsWith(`npm run ${script}`) && result.startedAt < loadEnd && result.endedAt > loadStart).length;
    expect(ranDuringLoad("monographs:import")).toBeGreaterThan(0);
    expect(ranDuringLoad("db:maintain")).toBeGreaterThan(0);
    expect(ranDuringLoad("db:backup")).toBeGreaterThan(0);
    expect(writerResults.filter((result) => result.code !== 0).map((result) => `${result.command}: ${result.output.slice(-300)}`)).toEqual([]);
  });

  it("leaves a database that passes integrity_check, and no SQLITE_BUSY in the server's or any command's output", () => {
    expect(integrityCheck(portal.dataDir)).toBe("ok");
    const logs = [portal.output(), ...writerResults.map((result) => result.output)];
    expect(logs.filter((log) => lockedPattern.test(log)).map((log) => log.split("\n").find((line) => lockedPattern.test(line)))).toEqual([]);
  });
});

describe("the restore drill", () => {
  let backupFolder: string;

  it("a backup taken under that load verifies and reports its folder", async () => {
    expect(drill).toBeDefined();
    const result = await drill!.backup;
    expect(result.startedAt).toBeLessThan(loadEnd);
    expect(lockedPattern.test(result.output)).toBe(false);
    expect(result.code).toBe(0);
    const lastLine = result.output.trim().split("\n").at(-1)!;
    backupFolder = /^Backup written to (\/\S+)/.exec(lastLine)![1]!;
    expect(fs.existsSync(path.join(backupFolder, "coop.db"))).toBe(true);
  });

  it("db:restore refuses while a server has the database open, and changes nothing", async () => {
    const before = withDb(portal.dataDir, (sqlite) => sqlite.prepare("select count(*) from newsletter_subscribers").pluck().get());
    const result = await npmRun("db:restore", [backupFolder], portal.dataDir);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/process.*(has|have).*open|open.*by.*process/i);
    expect(result.output).toContain(path.join(portal.dataDir, "coop.db"));
    expect(fs.existsSync(path.join(portal.dataDir, "replaced"))).toBe(false);
    expect(withDb(portal.dataDir, (sqlite) => sqlite.prepare("select count(*) from newsletter_subscribers").pluck().get())).toBe(before);
    expect((await fetch(`${portal.url}/api/health`)).status).toBe(200);
  });

  it("restored into a fresh DATA_DIR, the portal starts on it with every submission acknowledged before the backup, rows and files", async () => {
    const freshDir = temporaryDataDir("restored");
    const restore = await npmRun("db:restore", [backupFolder], freshDir);
    expect(restore.code).toBe(0);
    expect(integrityCheck(freshDir)).toBe("ok");

    const restored = await startPortal({ dataDir: freshDir, env: loadPortalEnv(receiver.port) });
    try {
      const before = drill!.acknowledgedBefore;
      const stored = storedState(freshDir, before.map((submission) => submission.email));
      const missing = before.filter(({ kind, email }) =>
        kind === "signup" ? !stored.subscribers.has(email) : kind === "owner" ? stored.applications.get(email)?.household !== 1 : !stored.jobApplications.has(email),
      );
      expect(missing).toEqual([]);

      // Each résumé, as a staff member downloads it from the restored portal.
      const downloads = await Promise.all(
        before
          .filter((submission) => submission.kind === "job")
          .map(async (submission) => {
            const { id } = stored.jobApplications.get(submission.email)!;
            const response = await fetch(`${restored.url}/staff/jobs/applicants/${id}/resume`, { headers: { Cookie: staffSession } });
            const same = response.status === 200 && sha256(Buffer.from(await response.arrayBuffer())) === sha256(submission.resume!);
            return { email: submission.email, status: response.status, same };
          }),
      );
      // Each owner application, on the page staff open to review it.
      const reviewPages = await Promise.all(
        before
          .filter((submission) => submission.kind === "owner")
          .map(async (submission) => {
            const { id, name } = stored.applications.get(submission.email)!;
            const response = await fetch(`${restored.url}/staff/owners/applications/${id}`, { headers: { Cookie: staffSession } });
            const heading = new JSDOM(await response.text()).window.document.querySelector("main h1")?.textContent;
            return { email: submission.email, status: response.status, shown: heading === `Application from ${name}` };
          }),
      );
      expect(reviewPages.filter((page) => page.status !== 200 || !page.shown)).toEqual([]);
      const kindsBefore = kinds.map((kind) => `${before.filter((submission) => submission.kind === kind).length} ${kind}`).join(", ");
      console.log(`Restore drill: acknowledged before the backup and found in the restored portal: ${kindsBefore}; ${reviewPages.length} applications opened and ${downloads.length} résumés downloaded by staff`);
      expect(downloads.length).toBeGreaterThan(0);
      expect(downloads.filter((download) => !download.same)).toEqual([]);
      expect(integrityCheck(freshDir)).toBe("ok");
    } finally {
      await restored.stop();
    }
  });
});

// Two processes taking owner numbers from one database at once: the server approving
// applications ten at a time, and a second process approving others through the same
// service. (Requests to one server cannot interleave inside a transaction, which is
// synchronous: the race that can happen is between processes.)
describe("approving the load's owner applications from the server and a second process at once", () => {
  it("gives each a distinct owner number, consecutive from the highest before, and no SQLITE_BUSY anywhere", async () => {
    const emails = outcomes.filter((outcome) => outcome.submission.kind === "owner" && acknowledged(outcome)).map((outcome) => outcome.submission.email);
    const ids = withDb(portal.dataDir, (sqlite) => sqlite.prepare(`select id from owner_applications where status = 'submitted' and email in (${emails.map(() => "?").join(",")})`).pluck().all(...emails) as number[]);
    const highest = withDb(portal.dataDir, (sqlite) => sqlite.prepare("select coalesce(max(owner_number), 0) from owners").pluck().get() as number);
    const bySecondProcess = ids.filter((_, index) => index % 2 === 1);
    const byServer = ids.filter((_, index) => index % 2 === 0);
    const detailPath = (id: number) => `/staff/owners/applications/${id}`;
    // The form helpers speak to whichever portal these name; nothing else in this file reads them.
    Object.assign(process.env, { PORTAL_URL: portal.url, PORTAL_DATA_DIR: portal.dataDir });
    try {
      const form = await scrapeForm(detailPath(byServer[0]!), staffSession, hasField("joinedOn"));
      const [second, answers] = await Promise.all([
        tsxRun("__tests__/load/approve-applications.ts", [`drill-staff-${run}@coop.example`, ...bySecondProcess.map(String)], portal.dataDir),
        inPool(byServer, 10, (id) => callAction(detailPath(id), { ...form, applicationId: String(id) }, staffSession)),
      ]);

      expect(answers.filter((answer) => !("ok" in answer && answer.ok))).toEqual([]);
      expect(second.code).toBe(0);
      const numbers = [...answers.map((answer) => (answer as { data: { ownerNumber: number } }).data.ownerNumber), ...(JSON.parse(second.output.trim().split("\n").at(-1)!) as number[])];
      expect([...numbers].sort((a, b) => a - b)).toEqual(ids.map((_, index) => highest + 1 + index));
      const stored = withDb(portal.dataDir, (sqlite) => sqlite.prepare(`select application_id, owner_number from owners where application_id in (${ids.join(",")})`).raw().all() as [number, number][]);
      expect(new Map(stored)).toEqual(new Map([...byServer, ...bySecondProcess].map((id, index) => [id, numbers[index]])));
      expect([portal.output(), second.output].filter((log) => lockedPattern.test(log))).toEqual([]);
      console.log(`Approved ${byServer.length} applications from the server, ten at a time, and ${bySecondProcess.length} from a second process at once`);
    } finally {
      for (const name of ["PORTAL_URL", "PORTAL_DATA_DIR"]) delete process.env[name];
    }
  });
});
