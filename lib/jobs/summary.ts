import { formatDay } from "@/lib/model/format";
import type { PublicJob } from "./cached";
import { formatPay } from "./pay";
import { employmentTypeLabels, type EmploymentType } from "@/lib/model/jobs";

/** What a list of openings shows of a posting, formatted on the server so the browser gets words, not rules. */
export type JobSummaryData = {
  slug: string;
  title: string;
  department: string;
  employmentType: EmploymentType;
  typeLabel: string;
  hours: string;
  pay: string;
  closesOn: string;
  closesLabel: string;
};

export function toJobSummary(job: PublicJob): JobSummaryData {
  return {
    slug: job.slug,
    title: job.title,
    department: job.department,
    employmentType: job.employmentType,
    typeLabel: employmentTypeLabels[job.employmentType],
    hours: job.hours,
    pay: formatPay(job),
    closesOn: job.closesOn,
    closesLabel: formatDay(job.closesOn),
  };
}
