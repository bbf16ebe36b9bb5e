import "server-only";
import { and, desc, eq, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import { refusals } from "@/lib/model/errors";
import type { JobApplicationStatus } from "@/lib/model/jobs";
import type { JobApplicationInput } from "@/lib/validations/jobs";
import { db } from "../index";
import { jobApplications, jobs, uploads } from "../schema";
import type { Executor } from "./executor";

/** Why `getJobTakingApplications` refuses. */
export type JobTakingRefusal = "job_not_found" | "job_closed";
/** Why `setApplicantStatus` refuses. */
export type ApplicantRefusal = "application_not_found";
const refuse = refusals<JobTakingRefusal | ApplicantRefusal>();

/**
 * The posting an application is for, if it takes applications on `today` (published,
 * closing today or later). `not_found` (`job_not_found`) for a draft or a missing
 * posting, `conflict` (`job_closed`) for a closed or expired one.
 */
export function getJobTakingApplications(executor: Executor, jobId: number, today: string) {
  const job = executor.select({ id: jobs.id, slug: jobs.slug, title: jobs.title, status: jobs.status, closesOn: jobs.closesOn }).from(jobs).where(eq(jobs.id, jobId)).get();
  if (!job || job.status === "draft") throw refuse("not_found", "job_not_found");
  if (job.status !== "published" || job.closesOn < today) throw refuse("conflict", "job_closed");
  return job;
}

export type StoredResumeFile = { id: string; originalName: string; contentType: string; sizeBytes: number };

/** Stores an application, with its résumé file's row when it came with one; returns the application's id. */
export function insertJobApplication(executor: Executor, application: JobApplicationInput, resumeFile?: StoredResumeFile) {
  if (resumeFile) executor.insert(uploads).values(resumeFile).run();
  return executor
    .insert(jobApplications)
    .values({
      jobId: application.jobId,
      name: application.name,
      email: application.email,
      phone: application.phone,
      availability: application.availability,
      isOwner: application.isOwner,
      coverLetter: application.coverLetter,
      resumeText: application.resumeText ?? null,
      resumeUploadId: resumeFile?.id ?? null,
    })
    .returning({ id: jobApplications.id })
    .get().id;
}

/** One application with its posting's title and its résumé file's details (null without a file). */
export function getJobApplication(id: number, executor: Executor = db) {
  return (
    executor
      .select({
        application: jobApplications,
        job: { id: jobs.id, title: jobs.title, slug: jobs.slug },
        resumeFile: { id: uploads.id, originalName: uploads.originalName, contentType: uploads.contentType, sizeBytes: uploads.sizeBytes },
      })
      .from(jobApplications)
      .innerJoin(jobs, eq(jobs.id, jobApplications.jobId))
      .leftJoin(uploads, eq(uploads.id, jobApplications.resumeUploadId))
      .where(eq(jobApplications.id, id))
      .get() ?? null
  );
}

/** A posting's applicants for the staff list, newest first; the résumé itself is fetched apart. */
export function listApplicationsForJob(jobId: number, executor: Executor = db) {
  return executor
    .select({
      id: jobApplications.id,
      name: jobApplications.name,
      email: jobApplications.email,
      phone: jobApplications.phone,
      availability: jobApplications.availability,
      isOwner: jobApplications.isOwner,
      status: jobApplications.status,
      notes: jobApplications.notes,
      createdAt: jobApplications.createdAt,
      statusChangedAt: jobApplications.statusChangedAt,
      hasResumeFile: sql<boolean>`${jobApplications.resumeUploadId} is not null`.mapWith(Boolean),
      hasResumeText: sql<boolean>`${jobApplications.resumeText} is not null`.mapWith(Boolean),
    })
    .from(jobApplications)
    .where(eq(jobApplications.jobId, jobId))
    .orderBy(desc(jobApplications.createdAt), desc(jobApplications.id))
    .all();
}

/**
 * Moves an applicant to `status`, replacing staff's notes when given; the time of the
 * status is reset only when it changes. `not_found` (`application_not_found`) when there
 * is no such application. Returns the application as it was, for the audit entry.
 */
export function setApplicantStatus(executor: Executor, id: number, status: JobApplicationStatus, notes?: string) {
  const before = executor.select().from(jobApplications).where(eq(jobApplications.id, id)).get();
  if (!before) throw refuse("not_found", "application_not_found");
  executor
    .update(jobApplications)
    .set({
      status,
      ...(notes !== undefined && { notes }),
      ...(status !== before.status && { statusChangedAt: new Date() }),
    })
    .where(eq(jobApplications.id, id))
    .run();
  return before;
}

/**
 * Postings closed before `cutoff`: closed by staff before it, or whose last day to apply
 * (published or closed) ended before `cutoffDay`, the store day of `cutoff`.
 */
const closedBefore = (cutoff: Date, cutoffDay: string) =>
  or(
    and(inArray(jobs.status, ["published", "closed"]), lt(jobs.closesOn, cutoffDay)),
    and(eq(jobs.status, "closed"), isNotNull(jobs.closedAt), lt(jobs.closedAt, cutoff)),
  );

const ID_CHUNK = 500;
const chunks = <T>(values: T[]) => Array.from({ length: Math.ceil(values.length / ID_CHUNK) }, (_, index) => values.slice(index * ID_CHUNK, (index + 1) * ID_CHUNK));

/**
 * Deletes the applications to postings closed before `cutoff`, and their résumé files'
 * rows; run it in the caller's transaction. Returns the ids of the applications that went
 * (for their mail), and the upload ids whose files the caller removes from disk once the
 * transaction commits.
 */
export function deleteApplicationsOfPostingsClosedBefore(executor: Executor, cutoff: Date, cutoffDay: string) {
  const expiredJobs = executor.select({ id: jobs.id }).from(jobs).where(closedBefore(cutoff, cutoffDay));
  const expired = executor
    .select({ id: jobApplications.id, uploadId: jobApplications.resumeUploadId })
    .from(jobApplications)
    .where(inArray(jobApplications.jobId, expiredJobs))
    .all();
  const uploadIds = expired.flatMap((row) => (row.uploadId ? [row.uploadId] : []));
  for (const ids of chunks(expired.map((row) => row.id))) executor.delete(jobApplications).where(inArray(jobApplications.id, ids)).run();
  for (const ids of chunks(uploadIds)) executor.delete(uploads).where(inArray(uploads.id, ids)).run();
  return { ids: expired.map((row) => row.id), uploadIds };
}
