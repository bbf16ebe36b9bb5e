"use client";

import { useQuery } from "@tanstack/react-query";
import { callFormAction, useOptimisticRowUpdate } from "@/components/ui/use-optimistic-row-update";
import type { setJobStatusAction } from "@/lib/actions/jobs";
import type { StaffJobRow } from "@/lib/jobs/staff-list";

const staffJobsKey = ["jobs", "staff"] as const;

/** The staff list of postings, starting from what the page rendered. */
export function useStaffJobs(initial: StaffJobRow[]) {
  return useQuery({
    queryKey: staffJobsKey,
    initialData: initial,
    queryFn: async ({ signal }): Promise<StaffJobRow[]> => {
      const response = await fetch("/api/staff/jobs", { signal, cache: "no-store" });
      if (!response.ok) throw new Error(`The list answered ${response.status}`);
      return ((await response.json()) as { jobs: StaffJobRow[] }).jobs;
    },
  });
}

type StatusChange = { id: number; status: "published" | "closed" };

/**
 * Publishes or closes a posting, showing the change at once; if the server refuses, the
 * row goes back to what it was and the refusal is the mutation's error.
 */
export function useJobStatusChange(action: typeof setJobStatusAction) {
  return useOptimisticRowUpdate<StaffJobRow, StatusChange>({
    queryKey: staffJobsKey,
    send: (change) => callFormAction(action, change),
    apply: (row, { status }) => ({ ...row, status }),
  });
}
