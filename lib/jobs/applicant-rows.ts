import type { JobApplicationStatus } from "@/lib/model/jobs";

/** An applicant as the staff list shows it, as it travels to the browser. */
export type ApplicantRow = {
  id: number;
  name: string;
  status: JobApplicationStatus;
  isOwner: boolean;
  createdAt: string;
  hasResume: boolean;
};

export function applicantRows(
  rows: { id: number; name: string; status: JobApplicationStatus; isOwner: boolean; createdAt: Date; hasResumeFile: boolean; hasResumeText: boolean }[],
): ApplicantRow[] {
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    isOwner: row.isOwner,
    createdAt: row.createdAt.toISOString(),
    hasResume: row.hasResumeFile || row.hasResumeText,
  }));
}
