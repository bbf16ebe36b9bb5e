"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { updateApplicantAction } from "@/lib/actions/job-applicant-review";
import { jobApplicationStatuses, jobApplicationStatusLabels, type JobApplicationStatus } from "@/lib/model/jobs";

/** Status, notes, and an optional short email to the applicant, saved together. */
export function ApplicantUpdateForm({ id, status, notes, action }: { id: number; status: JobApplicationStatus; notes: string; action: typeof updateApplicantAction }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const key = useFormKey(result);
  const current = result?.ok ? result.data.status : status;
  return (
    <form key={key} action={formAction} className="mt-4 max-w-2xl space-y-4 rounded-md border border-leaf-100 bg-white p-4">
      {result?.ok ? <FormMessage result={{ ok: true, message: `Saved: ${jobApplicationStatusLabels[current].toLowerCase()}.` }} /> : <FormMessage result={result} />}
      <input type="hidden" name="id" value={id} />
      <Select label="Status" name="status" defaultValue={failed?.values?.status ?? current}>
        {jobApplicationStatuses.map((option) => (
          <option key={option} value={option}>
            {jobApplicationStatusLabels[option]}
          </option>
        ))}
      </Select>
      <Field label="Staff notes" name="notes" multiline rows={4} maxLength={10_000} hint="For staff only; never sent to the applicant." defaultValue={failed?.values?.notes ?? notes} errors={failed?.fieldErrors?.notes} />
      <Field
        label="Email to the applicant (optional)"
        name="emailMessage"
        multiline
        rows={4}
        maxLength={2_000}
        hint="Sent when you save, e.g. to offer an interview time. Leave empty to send nothing."
        defaultValue={failed?.values?.emailMessage ?? ""}
        errors={failed?.fieldErrors?.emailMessage}
      />
      <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
    </form>
  );
}
