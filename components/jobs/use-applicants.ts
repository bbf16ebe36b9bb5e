"use client";

import { useQuery } from "@tanstack/react-query";
import { callFormAction, useOptimisticRowUpdate } from "@/components/ui/use-optimistic-row-update";
import type { updateApplicantAction } from "@/lib/actions/job-applicant-review";
import type { ApplicantRow } from "@/lib/jobs/applicant-rows";
import type { JobApplicationStatus } from "@/lib/model/jobs";

const applicantsKey = (jobId: number) => ["jobs", jobId, "applicants"] as const;

/** A posting's applicants, starting from what the page rendered. */
export function useApplicants(jobId: number, initial: ApplicantRow[]) {
  return useQuery({
    queryKey: applicantsKey(jobId),
    initialData: initial,
    queryFn: async ({ signal }): Promise<ApplicantRow[]> => {
      const response = await fetch(`/api/staff/jobs/${jobId}/applicants`, { signal, cache: "no-store" });
      if (!response.ok) throw new Error(`The list answered ${response.status}`);
      return ((await response.json()) as { applicants: ApplicantRow[] }).applicants;
    },
  });
}

/** Moves an applicant, showing it at once; a refusal puts the row back and becomes the mutation's error. */
export function useApplicantStatusChange(jobId: number, action: typeof updateApplicantAction) {
  return useOptimisticRowUpdate<ApplicantRow, { id: number; status: JobApplicationStatus }>({
    queryKey: applicantsKey(jobId),
    send: (change) => callFormAction(action, change),
    apply: (row, { status }) => ({ ...row, status }),
    // The jobs list counts applicants by status.
    alsoRefresh: [["jobs", "staff"]],
  });
}
