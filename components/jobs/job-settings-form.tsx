"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { saveJobSettingsAction } from "@/lib/actions/job-settings";
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from "@/lib/model/jobs";
import type { JobSettings } from "@/lib/validations/job-settings";

/** Admins: how long job applications are kept once their posting has closed. */
export function JobSettingsForm({ action, settings }: { action: typeof saveJobSettingsAction; settings: JobSettings }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const formKey = useFormKey(result);
  return (
    <form key={formKey} action={formAction} className="mt-4 max-w-md space-y-4">
      <FormMessage result={result} />
      <Field
        name="retentionDays"
        label="Delete job applications this many days after their posting closed"
        inputMode="numeric"
        maxLength={6}
        required
        hint={`From ${RETENTION_DAYS_MIN} to ${RETENTION_DAYS_MAX.toLocaleString("en-US")} days.`}
        defaultValue={failed?.values?.retentionDays ?? String(settings.retentionDays)}
        errors={failed?.fieldErrors?.retentionDays}
      />
      <SubmitButton pendingLabel="Saving…">Save retention</SubmitButton>
    </form>
  );
}
