"use client";

import { useId, useState } from "react";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { JobSummaryData } from "@/lib/jobs/summary";
import { JobSummary } from "./job-summary";

const all = "";

const distinct = <T extends string>(values: T[]) => [...new Set(values)];

/**
 * The open positions with department and type filters. The page is prerendered with every
 * posting listed; the filters work in the browser on that list, so choosing one neither
 * renders nor fetches anything. Without JavaScript the filters are absent and every
 * posting shows.
 */
export function JobFilters({ jobs }: { jobs: JobSummaryData[] }) {
  const hydrated = useHydrated();
  const id = useId();
  const [department, setDepartment] = useState(all);
  const [type, setType] = useState(all);

  const departments = distinct(jobs.map((job) => job.department)).sort((a, b) => a.localeCompare(b));
  const types = distinct(jobs.map((job) => job.employmentType)).map((value) => ({ value, label: jobs.find((job) => job.employmentType === value)!.typeLabel }));
  const filterable = hydrated && (departments.length > 1 || types.length > 1);
  const shown = jobs.filter((job) => (department === all || job.department === department) && (type === all || job.employmentType === type));

  return (
    <div>
      {filterable && (
        <div role="group" aria-labelledby={`${id}-heading`} className="mb-4 flex flex-wrap items-end gap-4 rounded-lg bg-leaf-50 p-4">
          <h2 id={`${id}-heading`} className="sr-only">
            Filter openings
          </h2>
          {departments.length > 1 && (
            <Select label="Department" value={department} onChange={(event) => setDepartment(event.currentTarget.value)} aria-controls={`${id}-list`}>
              <option value={all}>All departments</option>
              {departments.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          )}
          {types.length > 1 && (
            <Select label="Type of job" value={type} onChange={(event) => setType(event.currentTarget.value)} aria-controls={`${id}-list`}>
              <option value={all}>All types</option>
              {types.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
          <p role="status" className="text-sm">
            {shown.length === jobs.length ? `${jobs.length} openings` : `${shown.length} of ${jobs.length} openings`}
          </p>
        </div>
      )}
      {shown.length > 0 ? (
        <ul id={`${id}-list`} className="space-y-4" aria-label="Open positions">
          {shown.map((job) => (
            <li key={job.slug}>
              <JobSummary job={job} />
            </li>
          ))}
        </ul>
      ) : (
        <p id={`${id}-list`}>
          No openings match these filters.{" "}
          <button
            type="button"
            className="font-semibold text-leaf-800 underline"
            onClick={() => {
              setDepartment(all);
              setType(all);
            }}
          >
            Show all openings
          </button>
        </p>
      )}
    </div>
  );
}
