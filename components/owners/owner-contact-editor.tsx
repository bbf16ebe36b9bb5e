"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { saveOwnerContactAction } from "@/lib/actions/owners";

type Contact = { phone: string | null; streetAddress: string | null; locality: string | null; region: string | null; postalCode: string | null };

/** The primary owner's phone and mailing address, as the store has them. */
export function OwnerContactEditor({ contact, action }: { contact: Contact; action: typeof saveOwnerContactAction }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const key = useFormKey(result);
  const bind = (name: keyof Contact) => ({ name, defaultValue: failed?.values?.[name] ?? contact[name] ?? "", errors: failed?.fieldErrors?.[name] });
  return (
    <form key={key} action={formAction} className="mt-4 max-w-2xl space-y-4">
      <FormMessage result={result} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Phone" type="tel" autoComplete="tel" required maxLength={30} hint="With area code, e.g. 585-555-0134." {...bind("phone")} />
        <Field label="Street address" autoComplete="address-line1" required maxLength={120} className="sm:col-span-2" {...bind("streetAddress")} />
        <Field label="City" autoComplete="address-level2" required maxLength={80} {...bind("locality")} />
        <div className="grid grid-cols-2 gap-4">
          <Field label="State" autoComplete="address-level1" required maxLength={40} {...bind("region")} />
          <Field label="ZIP code" autoComplete="postal-code" inputMode="numeric" required maxLength={10} {...bind("postalCode")} />
        </div>
      </div>
      <SubmitButton pendingLabel="Saving…">Save contact details</SubmitButton>
    </form>
  );
}
