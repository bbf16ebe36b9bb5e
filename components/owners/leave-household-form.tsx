"use client";

import { useActionState } from "react";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { leaveHouseholdAction } from "@/lib/actions/owner-households";

/** A household member leaves the ownership; the box makes sure it is meant. */
export function LeaveHouseholdForm({ action }: { action: typeof leaveHouseholdAction }) {
  const [result, formAction] = useActionState(action, null);
  if (result?.ok) return <div className="mt-4"><FormMessage result={result} /></div>;
  const failed = result && !result.ok ? result : undefined;
  return (
    <form action={formAction} className="mt-4 max-w-prose space-y-4">
      <FormMessage result={result} />
      <CheckboxField name="confirmLeave" label="I want to leave this household. I will no longer see the ownership." errors={failed?.fieldErrors?.confirmLeave} />
      <SubmitButton pendingLabel="Leaving…" variant="secondary">
        Leave the household
      </SubmitButton>
    </form>
  );
}
