"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, status }: StatusChange) => {
      const form = new FormData();
      form.set("id", String(id));
      form.set("status", status);
      const result = await action(null, form);
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onMutate: async ({ id, status }) => {
      await client.cancelQueries({ queryKey: staffJobsKey });
      const before = client.getQueryData<StaffJobRow[]>(staffJobsKey);
      client.setQueryData<StaffJobRow[]>(staffJobsKey, (rows) => rows?.map((row) => (row.id === id ? { ...row, status } : row)));
      return { before };
    },
    onError: (_error, _change, context) => {
      if (context?.before) client.setQueryData(staffJobsKey, context.before);
    },
    onSettled: () => client.invalidateQueries({ queryKey: staffJobsKey }),
  });
}
