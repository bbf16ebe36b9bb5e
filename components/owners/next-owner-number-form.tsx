"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { setNextOwnerNumberAction } from "@/lib/actions/owner-settings";

/** Admins: the number the next approved application gets; the hint names the floor the server enforces. */
export function NextOwnerNumberForm({ action, next, highest }: { action: typeof setNextOwnerNumberAction; next: number; highest: number }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const formKey = useFormKey(result);
  return (
    <form key={formKey} action={formAction} className="mt-4 max-w-md space-y-4">
      <FormMessage result={result} />
      <Field
        name="nextOwnerNumber"
        label="Next owner number"
        inputMode="numeric"
        maxLength={12}
        required
        hint={highest > 0 ? `Above ${highest}, the highest given so far.` : "No owner numbers given yet."}
        defaultValue={failed?.values?.nextOwnerNumber ?? String(next)}
        errors={failed?.fieldErrors?.nextOwnerNumber}
      />
      <SubmitButton pendingLabel="Saving…">Save next number</SubmitButton>
    </form>
  );
}
