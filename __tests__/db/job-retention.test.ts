import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { insertJobApplication } from "@/db/queries/job-applications";
import { saveJobSettings } from "@/db/queries/job-settings";
import { auditLog, jobApplications, jobs, uploads, users } from "@/db/schema";
import { storeDay } from "@/lib/model/format";
import { deleteExpiredJobApplications } from "@/lib/jobs/retention";
import { uploadsFolder } from "@/lib/uploads/storage";
import type { JobStatus } from "@/lib/model/jobs";

const DAY_MS = 86_400_000;
const now = new Date("2026-11-27T15:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const folder = uploadsFolder();
fs.mkdirSync(folder, { recursive: true });

let slugs = 0;
function posting(status: JobStatus, { closesOn, closedAt }: { closesOn: string; closedAt?: Date }) {
  return db
    .insert(jobs)
    .values({
      slug: `retention-${++slugs}`,
      title: `Posting ${slugs}`,
      department: "Grocery",
      employmentType: "part_time",
      hours: "20 hours a week",
      payMinCents: 1600,
      payUnit: "hour",
      location: "The store",
      description: "Stock shelves.",
      closesOn,
      status,
      publishedAt: daysAgo(800),
      closedAt: closedAt ?? null,
    })
    .returning({ id: jobs.id })
    .get().id;
}

let files = 0;
/** One application with a résumé file on disk and one with pasted text. */
function applicants(jobId: number) {
  const id = (++files).toString(16).padStart(32, "0");
  fs.writeFileSync(path.join(folder, id), "%PDF-1.7 résumé");
  const base = { jobId, name: "Applicant", email: `applicant${files}@example.org`, phone: "585-555-0134", availability: "Weekends", isOwner: false, coverLetter: "" };
  const withFile = db.transaction((tx) => insertJobApplication(tx, base, { id, originalName: "cv.pdf", contentType: "application/pdf", sizeBytes: 16 }));
  const withText = db.transaction((tx) => insertJobApplication(tx, { ...base, resumeText: "Ten years in retail." }));
  return { withFile, withText, file: id };
}

const remainingApplications = () => new Set(db.select({ id: jobApplications.id }).from(jobApplications).all().map((row) => row.id));
const remainingUploads = () => new Set(db.select({ id: uploads.id }).from(uploads).all().map((row) => row.id));
const onDisk = (name: string) => fs.existsSync(path.join(folder, name));
const retentionAudit = () => db.select().from(auditLog).where(eq(auditLog.action, "job_application.retention")).all();

const longClosed = applicants(posting("closed", { closesOn: storeDay(daysAgo(380)), closedAt: daysAgo(400) }));
const closedEarlyLongAgo = applicants(posting("closed", { closesOn: storeDay(daysAgo(100)), closedAt: daysAgo(366) }));
const recentlyClosed = applicants(posting("closed", { closesOn: storeDay(daysAgo(30)), closedAt: daysAgo(100) }));
const longExpired = applicants(posting("published", { closesOn: storeDay(daysAgo(367)) }));
const recentlyExpired = applicants(posting("published", { closesOn: storeDay(daysAgo(300)) }));
const open = applicants(posting("published", { closesOn: storeDay(daysAgo(-20)) }));
const closedLateAfterExpiring = applicants(posting("closed", { closesOn: storeDay(daysAgo(500)), closedAt: daysAgo(10) }));

describe("retention of job applications", () => {
  it("deletes exactly the applications to postings closed more than 365 days ago, their upload rows and their files", () => {
    const expired = [longClosed, closedEarlyLongAgo, longExpired, closedLateAfterExpiring];
    const kept = [recentlyClosed, recentlyExpired, open];

    expect(deleteExpiredJobApplications(db, now)).toBe(expired.length * 2);

    const applications = remainingApplications();
    const uploadRows = remainingUploads();
    for (const group of expired) {
      expect(applications.has(group.withFile) || applications.has(group.withText)).toBe(false);
      expect(uploadRows.has(group.file)).toBe(false);
      expect(onDisk(group.file)).toBe(false);
    }
    for (const group of kept) {
      expect(applications.has(group.withFile) && applications.has(group.withText)).toBe(true);
      expect(uploadRows.has(group.file)).toBe(true);
      expect(onDisk(group.file)).toBe(true);
    }
    expect(applications.size).toBe(kept.length * 2);
  });

  it("records the run in the audit log as a count, without an actor or anyone's details", () => {
    expect(retentionAudit()).toEqual([
      expect.objectContaining({ actorId: null, actorEmail: null, subjectType: "job_application", subjectId: "retention", detail: { deleted: 8, files: 4, emails: 0, retentionDays: 365 } }),
    ]);
  });

  it("a second run finds nothing, and writes no audit entry", () => {
    expect(deleteExpiredJobApplications(db, now)).toBe(0);
    expect(retentionAudit()).toHaveLength(1);
    expect(remainingApplications().size).toBe(6);
  });

  it("follows the days set in Settings", () => {
    const admin = db.insert(users).values({ email: "retention-admin@coop.example", role: "admin" }).returning().get();
    saveJobSettings(db, { retentionDays: 90 }, admin.id);
    expect(deleteExpiredJobApplications(db, now)).toBe(4);
    expect(remainingApplications()).toEqual(new Set([open.withFile, open.withText]));
    expect(onDisk(recentlyClosed.file) || onDisk(recentlyExpired.file)).toBe(false);
    expect(onDisk(open.file)).toBe(true);
    expect(retentionAudit().at(-1)!.detail).toEqual({ deleted: 4, files: 2, emails: 0, retentionDays: 90 });
  });

  it("removes files a crash left behind (a stale temporary file, a file without a row) and nothing else", () => {
    const stale = path.join(folder, `${"a".repeat(32)}.part`);
    const fresh = path.join(folder, `${"b".repeat(32)}.part`);
    const orphan = path.join(folder, "c".repeat(32));
    const foreign = path.join(folder, "README.txt");
    for (const file of [stale, fresh, orphan, foreign]) fs.writeFileSync(file, "x");
    fs.utimesSync(stale, daysAgo(2), daysAgo(2));
    fs.utimesSync(fresh, now, now);

    expect(deleteExpiredJobApplications(db, now)).toBe(0);
    expect([stale, fresh, orphan, foreign].map((file) => fs.existsSync(file))).toEqual([false, true, false, true]);
    expect(onDisk(open.file)).toBe(true);
    expect(db.select({ n: sql<number>`count(*)` }).from(jobApplications).get()!.n).toBe(2);
  });

  it("gives a committed application's temporary résumé file its final name (a crash between the commit and the rename)", () => {
    const jobId = posting("published", { closesOn: storeDay(daysAgo(-30)) });
    const id = "d".repeat(32);
    fs.writeFileSync(path.join(folder, `${id}.part`), "%PDF-1.7 résumé");
    fs.utimesSync(path.join(folder, `${id}.part`), daysAgo(2), daysAgo(2));
    const base = { jobId, name: "Applicant", email: "crash@example.org", phone: "585-555-0134", availability: "Weekends", isOwner: false, coverLetter: "" };
    db.transaction((tx) => insertJobApplication(tx, base, { id, originalName: "cv.pdf", contentType: "application/pdf", sizeBytes: 16 }));

    deleteExpiredJobApplications(db, now);
    expect(onDisk(`${id}.part`)).toBe(false);
    expect(fs.readFileSync(path.join(folder, id), "utf8")).toBe("%PDF-1.7 résumé");
  });
});
