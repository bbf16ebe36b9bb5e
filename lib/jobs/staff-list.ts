import "server-only";
import { listJobsForStaff } from "@/db/queries/jobs";
import type { JobApplicationStatus, JobStatus } from "@/lib/model/jobs";

/** One row of the staff list as it travels to the browser (dates as ISO strings). */
export type StaffJobRow = {
  id: number;
  slug: string;
  title: string;
  department: string;
  status: JobStatus;
  closesOn: string;
  updatedAt: string;
  applicants: Partial<Record<JobApplicationStatus, number>>;
};

export function staffJobRows(): StaffJobRow[] {
  return listJobsForStaff().map((job) => ({
    id: job.id,
    slug: job.slug,
    title: job.title,
    department: job.department,
    status: job.status,
    closesOn: job.closesOn,
    updatedAt: job.updatedAt.toISOString(),
    applicants: job.applicants,
  }));
}
