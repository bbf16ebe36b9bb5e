"use client";

import Link from "next/link";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { selectClass } from "@/components/ui/select";
import type { updateApplicantAction } from "@/lib/actions/job-applicant-review";
import { formatDateTime } from "@/lib/model/format";
import type { ApplicantRow } from "@/lib/jobs/applicant-rows";
import { jobApplicationStatuses, jobApplicationStatusLabels, type JobApplicationStatus } from "@/lib/model/jobs";
import { useApplicants, useApplicantStatusChange } from "./use-applicants";

/** A posting's applicants; each one's status changes from the list, shown at once. */
export function ApplicantList({ jobId, initial, update }: { jobId: number; initial: ApplicantRow[]; update: typeof updateApplicantAction }) {
  const { data: rows } = useApplicants(jobId, initial);
  const change = useApplicantStatusChange(jobId, update);
  return (
    <>
      {change.isError && (
        <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-900">
          Not changed: {change.error.message}
        </p>
      )}
      <DataTable caption="Applicants, newest first" headers={["Applicant", "Applied", "Owner", "Résumé", "Status"]}>
        {rows.map((row) => (
          <tr key={row.id}>
            <td className={cellClass}>
              <Link prefetch={false} href={`/staff/jobs/applicants/${row.id}`}>
                {row.name}
              </Link>
            </td>
            <td className={cellClass}>{formatDateTime(row.createdAt)}</td>
            <td className={cellClass}>{row.isOwner ? "Yes" : "No"}</td>
            <td className={cellClass}>{row.hasResume ? "Yes" : "—"}</td>
            <td className={cellClass}>
              <label className="sr-only" htmlFor={`applicant-status-${row.id}`}>
                Status of {row.name}
              </label>
              <select
                id={`applicant-status-${row.id}`}
                value={row.status}
                onChange={(event) => change.mutate({ id: row.id, status: event.target.value as JobApplicationStatus })}
                className={selectClass}
              >
                {jobApplicationStatuses.map((status) => (
                  <option key={status} value={status}>
                    {jobApplicationStatusLabels[status]}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </DataTable>
      {rows.length === 0 && <p className="mt-4">Nobody has applied yet.</p>}
    </>
  );
}
