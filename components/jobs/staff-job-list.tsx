"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { Select } from "@/components/ui/select";
import type { setJobStatusAction } from "@/lib/actions/jobs";
import { formatDay, storeDay } from "@/lib/model/format";
import type { StaffJobRow } from "@/lib/jobs/staff-list";
import { jobApplicationStatuses, jobApplicationStatusLabels, jobStatuses, jobStatusLabels, type JobStatus } from "@/lib/model/jobs";
import { useJobStatusChange, useStaffJobs } from "./use-jobs";

const sorts = {
  updated: { label: "Last changed", compare: (a: StaffJobRow, b: StaffJobRow) => b.updatedAt.localeCompare(a.updatedAt) },
  title: { label: "Title", compare: (a: StaffJobRow, b: StaffJobRow) => a.title.localeCompare(b.title) },
  closes: { label: "Closing date", compare: (a: StaffJobRow, b: StaffJobRow) => a.closesOn.localeCompare(b.closesOn) },
  applicants: { label: "Most applicants", compare: (a: StaffJobRow, b: StaffJobRow) => total(b) - total(a) },
} as const;
type SortKey = keyof typeof sorts;

const total = (row: StaffJobRow) => Object.values(row.applicants).reduce((sum, count) => sum + (count ?? 0), 0);

/** What a posting's state button does next. */
function nextStep(row: StaffJobRow): { status: "published" | "closed"; label: string } {
  if (row.status === "published") return { status: "closed", label: "Close" };
  return { status: "published", label: row.status === "closed" ? "Reopen" : "Publish" };
}

/** Staff's list of postings: filter by state, sort, applicant counts, and state changes shown at once. */
export function StaffJobList({ initial, setStatus }: { initial: StaffJobRow[]; setStatus: typeof setJobStatusAction }) {
  const { data: rows, isFetching } = useStaffJobs(initial);
  const change = useJobStatusChange(setStatus);
  const [state, setState] = useState<JobStatus | "all">("all");
  const [sort, setSort] = useState<SortKey>("updated");
  const today = storeDay();

  const counts = useMemo(() => Object.fromEntries(jobStatuses.map((status) => [status, rows.filter((row) => row.status === status).length])) as Record<JobStatus, number>, [rows]);
  const shown = useMemo(() => rows.filter((row) => state === "all" || row.status === state).sort(sorts[sort].compare), [rows, state, sort]);

  return (
    <div className="mt-6">
      <div className="flex flex-wrap items-end gap-4">
        <Select label="State" value={state} onChange={(event) => setState(event.target.value as JobStatus | "all")}>
          <option value="all">All ({rows.length})</option>
          {jobStatuses.map((status) => (
            <option key={status} value={status}>
              {jobStatusLabels[status]} ({counts[status]})
            </option>
          ))}
        </Select>
        <Select label="Sort by" value={sort} onChange={(event) => setSort(event.target.value as SortKey)}>
          {(Object.keys(sorts) as SortKey[]).map((key) => (
            <option key={key} value={key}>
              {sorts[key].label}
            </option>
          ))}
        </Select>
        <p aria-live="polite" className="text-sm text-muted">
          {isFetching ? "Refreshing…" : `${shown.length} shown`}
        </p>
      </div>
      {change.isError && (
        <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-900">
          Not changed: {change.error.message}
        </p>
      )}
      <DataTable caption="Job postings" headers={["Posting", "State", "Closes", "Applicants", "Action"]}>
        {shown.map((row) => {
          const step = nextStep(row);
          const expired = row.status === "published" && row.closesOn < today;
          return (
            <tr key={row.id}>
              <td className={cellClass}>
                <Link prefetch={false} href={`/staff/jobs/${row.id}`}>
                  {row.title}
                </Link>
                <div className="text-muted">{row.department}</div>
              </td>
              <td className={cellClass}>
                {jobStatusLabels[row.status]}
                {expired && <div className="text-sm text-red-800">past its closing date</div>}
              </td>
              <td className={cellClass}>{formatDay(row.closesOn)}</td>
              <td className={cellClass}>
                {total(row) === 0
                  ? "None"
                  : jobApplicationStatuses
                      .filter((status) => row.applicants[status])
                      .map((status) => `${row.applicants[status]} ${jobApplicationStatusLabels[status].toLowerCase()}`)
                      .join(" · ")}
              </td>
              <td className={cellClass}>
                <button
                  type="button"
                  onClick={() => change.mutate({ id: row.id, status: step.status })}
                  className="rounded-md border border-leaf-800 bg-white px-3 py-1 text-sm font-semibold text-leaf-800"
                >
                  {step.label} <span className="sr-only">{row.title}</span>
                </button>
              </td>
            </tr>
          );
        })}
      </DataTable>
      {shown.length === 0 && <p className="mt-4">No postings in this state.</p>}
    </div>
  );
}
