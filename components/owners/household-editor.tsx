"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { saveHouseholdAction } from "@/lib/actions/owner-households";
import { HOUSEHOLD_MAX } from "@/lib/model/owners";

/** The primary owner's list of household members; a row left blank removes that person, a new email is invited. */
export function HouseholdEditor({ members, action }: { members: { name: string; email: string | null }[]; action: typeof saveHouseholdAction }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const key = useFormKey(result);
  const shown = (name: string, stored: string) => failed?.values?.[name] ?? stored;
  return (
    <form key={key} action={formAction} className="mt-4 space-y-4">
      <FormMessage result={result} />
      {failed?.fieldErrors?.household && <p className="font-semibold text-red-800">{failed.fieldErrors.household.join(" ")}</p>}
      <p className="max-w-prose text-sm text-muted">
        Up to {HOUSEHOLD_MAX} people besides you. We email each new address an invitation: once that person accepts, they sign in with
        their own link and see this ownership. Clear a row to remove that person.
      </p>
      {Array.from({ length: HOUSEHOLD_MAX }, (_, index) => (
        <fieldset key={index} className="grid gap-4 rounded-md border border-leaf-100 bg-white p-3 sm:grid-cols-2">
          <legend className="px-1 text-sm font-semibold">Household member {index + 1}</legend>
          <Field label="Name" name={`household.${index}.name`} maxLength={120} defaultValue={shown(`household.${index}.name`, members[index]?.name ?? "")} errors={failed?.fieldErrors?.[`household.${index}.name`]} />
          <Field
            label="Email (optional)"
            name={`household.${index}.email`}
            type="email"
            maxLength={254}
            defaultValue={shown(`household.${index}.email`, members[index]?.email ?? "")}
            errors={failed?.fieldErrors?.[`household.${index}.email`]}
          />
        </fieldset>
      ))}
      <SubmitButton pendingLabel="Saving…">Save household</SubmitButton>
    </form>
  );
}
