import fs from "node:fs";
import path from "node:path";
import { withPortalDb } from "../helpers/portal";
import { shiftedClockEnv, startPortal, temporaryDataDir, type RunningPortal } from "../helpers/portal-server";
import { waitFor } from "../helpers/wait-for";

// A server left running for a month: its clock is moved on a day at a time (see
// helpers/shifted-clock.cjs) and nobody types a command. Maintenance runs inside the server
// every day; every deletion period the portal states must hold, and backups must be kept
// to BACKUP_KEEP.

jest.setTimeout(180_000);

const DAY_MS = 86_400_000;
const BACKUP_KEEP = 5;

let portal: RunningPortal;
let clockFile: string;
const sql = <T>(work: (sqlite: import("better-sqlite3").Database) => T) => withPortalDb(work, portal.dataDir);
const maintenanceRuns = () => sql((sqlite) => sqlite.prepare("select detail from audit_log where action = 'maintenance.run' and subject_id = 'schedule' order by id").pluck().all() as string[]).map((detail) => JSON.parse(detail) as Record<string, unknown>);
const backups = () => fs.readdirSync(path.join(portal.dataDir, "backups")).filter((name) => !name.startsWith(".")).sort();

/** Waits for `read` to find something, naming `what` and the server's last words if it never does. */
const until = <T,>(what: string, read: () => T | undefined | false) => waitFor(() => `${what}; the server said:\n${portal.output().slice(-3000)}`, read, 20_000, 50);

/** The closed demo posting's applicants, as if it had closed 360 days ago; one of them with a résumé file. */
function agePostingTowardRetention() {
  const file = "e".repeat(32);
  const content = "%PDF-1.7 a résumé from last year";
  fs.writeFileSync(path.join(portal.dataDir, "uploads", file), content);
  return sql((sqlite) => {
    const job = sqlite.prepare("select id from jobs where status = 'closed' order by id limit 1").get() as { id: number };
    const closedAt = Date.now() - 360 * DAY_MS;
    sqlite.prepare("update jobs set closed_at = ?, closes_on = ? where id = ?").run(closedAt, new Date(closedAt).toISOString().slice(0, 10), job.id);
    sqlite.prepare("insert into uploads (id, original_name, content_type, size_bytes, created_at) values (?, 'cv.pdf', 'application/pdf', ?, ?)").run(file, Buffer.byteLength(content), closedAt);
    sqlite.prepare("update job_applications set resume_upload_id = ? where id = (select min(id) from job_applications where job_id = ?)").run(file, job.id);
    const applicants = sqlite.prepare("select count(*) from job_applications where job_id = ?").pluck().get(job.id) as number;
    return { jobId: job.id, applicants, file };
  });
}

beforeAll(async () => {
  const dataDir = temporaryDataDir("maintenance-schedule");
  clockFile = path.join(dataDir, "clock-offset");
  portal = await startPortal({
    dataDir,
    env: {
      DEMO: "1",
      BACKUP_KEEP: String(BACKUP_KEEP),
      MAINTENANCE_CHECK_MS: "100",
      ...shiftedClockEnv(clockFile),
    },
  });
});

afterAll(async () => {
  await portal?.stop();
});

it("a month without anyone typing a command: every day a maintenance run, each deletion period kept, BACKUP_KEEP backups", async () => {
  // At start: one run, and the first backup.
  await until("the run at start", () => maintenanceRuns().length === 1);
  expect(backups()).toHaveLength(1);

  const pendingSignups = () => sql((sqlite) => sqlite.prepare("select count(*) from newsletter_subscribers where status = 'pending'").pluck().get() as number);
  expect(pendingSignups()).toBeGreaterThan(0);
  const aged = agePostingTowardRetention();
  expect(aged.applicants).toBeGreaterThan(0);
  const signInRequest = await fetch(`${portal.url}/api/auth/signin/email`, { method: "POST", body: new URLSearchParams({ email: "admin@coop.example" }) });
  expect(signInRequest.status).toBe(200);
  const signInBody = () => sql((sqlite) => sqlite.prepare("select text from email_outbox where subject like '%sign-in link%' order by id desc limit 1").pluck().get() as string | undefined);
  expect(await until("the sign-in email", () => signInBody()?.includes("/login/verify?token="))).toBe(true);

  for (let day = 1; day <= 31; day++) {
    fs.writeFileSync(clockFile, String(day * DAY_MS));
    await until(`the run of day ${day}`, () => maintenanceRuns().length === day + 1);
  }

  const runs = maintenanceRuns();
  expect(runs).toHaveLength(32);
  for (const run of runs) {
    expect(Object.keys(run).sort()).toEqual([
      "backupError",
      "backupTaken",
      "backupsRemoved",
      "declinedOwnerApplicationsDeleted",
      "householdInvitationsRemoved",
      "jobApplicationsDeleted",
      "newsletterSignupsExpired",
      "sentEmailsCleared",
      "stagedImportsDeleted",
    ]);
  }
  expect(runs.filter((run) => run.backupTaken !== null)).toHaveLength(32);

  // Newsletter: "the address is forgotten after 7 days".
  expect(pendingSignups()).toBe(0);
  expect(runs.slice(1, 9).some((run) => Number(run.newsletterSignupsExpired) > 0)).toBe(true);
  // Jobs: applications to a posting closed more than 365 days ago, with their résumé files.
  expect(sql((sqlite) => sqlite.prepare("select count(*) from job_applications where job_id = ?").pluck().get(aged.jobId))).toBe(0);
  expect(fs.existsSync(path.join(portal.dataDir, "uploads", aged.file))).toBe(false);
  expect(runs.reduce((sum, run) => sum + Number(run.jobApplicationsDeleted), 0)).toBe(aged.applicants);
  // Sign-in links: the body is blanked once the link has expired, and after OUTBOX_KEEP_DAYS
  // (30 by default) the sent message is gone altogether.
  expect(signInBody() ?? "").not.toContain("token=");
  expect(runs.reduce((sum, run) => sum + Number(run.sentEmailsCleared), 0)).toBeGreaterThan(0);
  // Backups: the newest BACKUP_KEEP, one per day of the last days.
  const kept = backups();
  expect(kept).toHaveLength(BACKUP_KEEP);
  expect(kept.at(-1)).toBe(runs.at(-1)!.backupTaken);
  expect(fs.existsSync(path.join(portal.dataDir, "backups", kept.at(-1)!, "manifest.json"))).toBe(true);
});
