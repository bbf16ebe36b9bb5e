import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { refusals } from "@/lib/model/errors";
import type { JobStatus } from "@/lib/model/jobs";
import type { JobPostingInput } from "@/lib/validations/jobs";
import { db } from "../index";
import { jobApplications, jobs } from "../schema";
import type { Executor } from "./executor";
import { freeSlug } from "./free-slug";

type PostingFields = Omit<JobPostingInput, "slug" | "payMin" | "payMax"> & { slug: string; payMinCents: number; payMaxCents: number | null };

/** The reasons these queries refuse with (each function's comment says which). */
export type JobRefusal = "slug_taken" | "job_not_found" | "same_status" | "draft_not_closable" | "not_draft";
const refuse = refusals<JobRefusal>();

export function jobSlugExists(executor: Executor, slug: string, exceptId?: number) {
  const row = executor.select({ id: jobs.id }).from(jobs).where(eq(jobs.slug, slug)).get();
  return Boolean(row && row.id !== exceptId);
}

/** A new posting's address made from its title: `base`, or `base-2`, `base-3`… when taken. */
export const freeJobSlug = (executor: Executor, base: string) => freeSlug(executor, jobs, base);

/** Adds a draft posting; `conflict` (`slug_taken`) when its address is in use. */
export function insertJob(executor: Executor, fields: PostingFields, userId: string) {
  if (jobSlugExists(executor, fields.slug)) throw refuse("conflict", "slug_taken");
  return executor
    .insert(jobs)
    .values({ ...fields, status: "draft", createdBy: userId, updatedBy: userId })
    .returning({ id: jobs.id })
    .get().id;
}

/**
 * Saves a posting's text. Once published, its address stays as it is (search engines and
 * applicants keep links); a draft's may change. Returns the posting as it was.
 */
export function updateJob(executor: Executor, id: number, fields: PostingFields, userId: string) {
  const before = executor.select().from(jobs).where(eq(jobs.id, id)).get();
  if (!before) throw refuse("not_found", "job_not_found");
  const slug = before.publishedAt ? before.slug : fields.slug;
  if (slug !== before.slug && jobSlugExists(executor, slug, id)) throw refuse("conflict", "slug_taken");
  executor
    .update(jobs)
    .set({ ...fields, slug, updatedBy: userId, updatedAt: new Date() })
    .where(eq(jobs.id, id))
    .run();
  return before;
}

/**
 * Publishes (also reopens) or closes a posting. `conflict` (`same_status`) when it is
 * already so. Returns the posting as it was, for the audit entry and cache tags.
 */
export function setJobStatus(executor: Executor, id: number, status: Exclude<JobStatus, "draft">, userId: string) {
  const before = executor.select().from(jobs).where(eq(jobs.id, id)).get();
  if (!before) throw refuse("not_found", "job_not_found");
  if (before.status === status) throw refuse("conflict", "same_status");
  // Closing a draft would make a public "closed" page of something never published, and no longer deletable.
  if (before.status === "draft" && status === "closed") throw refuse("conflict", "draft_not_closable");
  const now = new Date();
  executor
    .update(jobs)
    .set({
      status,
      publishedAt: status === "published" ? (before.publishedAt ?? now) : before.publishedAt,
      closedAt: status === "closed" ? now : null,
      updatedBy: userId,
      updatedAt: now,
    })
    .where(eq(jobs.id, id))
    .run();
  return before;
}

/** Deletes a draft (never a posting that was public, or one with applicants): `conflict` otherwise. */
export function deleteDraftJob(executor: Executor, id: number) {
  const before = executor.select().from(jobs).where(eq(jobs.id, id)).get();
  if (!before) throw refuse("not_found", "job_not_found");
  if (before.status !== "draft") throw refuse("conflict", "not_draft");
  executor.delete(jobs).where(and(eq(jobs.id, id), eq(jobs.status, "draft"))).run();
  return before;
}

export function getJobById(id: number) {
  return db.select().from(jobs).where(eq(jobs.id, id)).get() ?? null;
}

/** A posting by its address, whatever its state (a closed posting keeps its page). Drafts are not public: null. */
export function getPublicJobBySlug(slug: string) {
  const job = db.select().from(jobs).where(eq(jobs.slug, slug)).get();
  return job && job.status !== "draft" ? job : null;
}

/** Published postings, newest first; whether each is still open depends on the day it is read (see lib/jobs/cached.ts). */
export function listPublishedJobs() {
  return db.select().from(jobs).where(eq(jobs.status, "published")).orderBy(desc(jobs.publishedAt), desc(jobs.id)).all();
}

/** Every posting that ever was public (published or closed), for prerendering their pages. */
export function listPublicJobSlugs() {
  return db
    .select({ slug: jobs.slug })
    .from(jobs)
    .where(sql`${jobs.status} <> 'draft'`)
    .orderBy(asc(jobs.id))
    .all();
}

/** The staff list: every posting with its applicants counted by status. */
export function listJobsForStaff() {
  const rows = db.select().from(jobs).orderBy(desc(jobs.updatedAt), desc(jobs.id)).all();
  const counts = db
    .select({ jobId: jobApplications.jobId, status: jobApplications.status, count: sql<number>`count(*)` })
    .from(jobApplications)
    .groupBy(jobApplications.jobId, jobApplications.status)
    .all();
  return rows.map((job) => ({
    ...job,
    applicants: Object.fromEntries(counts.filter((count) => count.jobId === job.id).map((count) => [count.status, count.count])) as Partial<
      Record<(typeof counts)[number]["status"], number>
    >,
  }));
}
