import { addDays, formatISO } from "date-fns";
import { eq, sql } from "drizzle-orm";
import { storeDay } from "@/lib/model/format";
import { insertJob, setJobStatus } from "../queries/jobs";
import type { Executor } from "../queries/executor";
import { jobApplications, jobs } from "../schema";
import { demoJobs } from "../seed-data/demo-jobs";

const dayMs = 86_400_000;

/**
 * Demo mode only, on a database without any posting yet: the demo postings (three open,
 * one closed) with their applicants, dated relative to today so that the open ones stay
 * open for a month or more. Returns how many postings it added.
 */
export function seedDemoJobs(executor: Executor, staffUserId: string) {
  const existing = executor.select({ n: sql<number>`count(*)` }).from(jobs).get()!.n;
  if (existing > 0) return 0;
  const today = new Date(`${storeDay()}T12:00:00Z`);
  const now = Date.now();
  const daysAgo = (days: number) => new Date(now - days * dayMs);

  for (const { applicants, publishedDaysAgo, closesInDays, closedDaysAgo, ...fields } of demoJobs) {
    const closesOn = formatISO(addDays(today, closesInDays), { representation: "date" });
    const id = insertJob(executor, { ...fields, closesOn }, staffUserId);
    setJobStatus(executor, id, "published", staffUserId);
    if (closedDaysAgo !== undefined) setJobStatus(executor, id, "closed", staffUserId);
    // The queries stamp "now"; a demo reads better with postings of different ages.
    executor
      .update(jobs)
      .set({
        createdAt: daysAgo(publishedDaysAgo + 1),
        publishedAt: daysAgo(publishedDaysAgo),
        closedAt: closedDaysAgo === undefined ? null : daysAgo(closedDaysAgo),
        updatedAt: daysAgo(closedDaysAgo ?? publishedDaysAgo),
      })
      .where(eq(jobs.id, id))
      .run();
    for (const { appliedDaysAgo, notes, ...applicant } of applicants) {
      executor
        .insert(jobApplications)
        .values({ ...applicant, jobId: id, notes: notes ?? "", createdAt: daysAgo(appliedDaysAgo), statusChangedAt: daysAgo(Math.max(appliedDaysAgo - 1, 0)) })
        .run();
    }
  }
  return demoJobs.length;
}
