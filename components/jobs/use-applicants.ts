"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { updateApplicantAction } from "@/lib/actions/job-applicants";
import type { ApplicantRow } from "@/lib/jobs/applicant-rows";
import type { JobApplicationStatus } from "@/lib/jobs/vocabulary";

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
  const client = useQueryClient();
  const key = applicantsKey(jobId);
  return useMutation({
    mutationFn: async ({ id, status }: { id: number; status: JobApplicationStatus }) => {
      const form = new FormData();
      form.set("id", String(id));
      form.set("status", status);
      const result = await action(null, form);
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onMutate: async ({ id, status }) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<ApplicantRow[]>(key);
      client.setQueryData<ApplicantRow[]>(key, (rows) => rows?.map((row) => (row.id === id ? { ...row, status } : row)));
      return { before };
    },
    onError: (_error, _change, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: ["jobs", "staff"] });
    },
  });
}
