"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { recordEquityPaymentAction, setFlowerVerificationAction } from "@/lib/actions/owners";
import { equityPaymentMethods } from "@/lib/model/equity";
import { paymentMethodLabels } from "@/lib/owners/labels";

/** Staff record an equity payment taken at the register. */
export function EquityPaymentForm({ ownerId, today, action }: { ownerId: number; today: string; action: typeof recordEquityPaymentAction }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const key = useFormKey(result);
  return (
    <form key={key} action={formAction} className="mt-4 max-w-md space-y-4 rounded-md border border-leaf-100 bg-white p-4">
      <h3 className="text-lg font-bold text-leaf-900">Record a payment</h3>
      <FormMessage result={result} />
      <input type="hidden" name="ownerId" value={ownerId} />
      <Field label="Amount in dollars" name="amount" inputMode="decimal" required defaultValue={failed?.values?.amount ?? ""} errors={failed?.fieldErrors?.amount} />
      <Field label="Paid on" name="paidOn" type="date" required defaultValue={failed?.values?.paidOn ?? today} errors={failed?.fieldErrors?.paidOn} />
      <Select label="Paid by" name="method" defaultValue={failed?.values?.method ?? "cash"}>
        {equityPaymentMethods.map((method) => (
          <option key={method} value={method}>
            {paymentMethodLabels[method]}
          </option>
        ))}
      </Select>
      <SubmitButton pendingLabel="Recording…">Record payment</SubmitButton>
    </form>
  );
}

/** Staff set the day through which the FLOWER discount was verified; empty ends it. */
export function FlowerVerificationForm({ ownerId, verifiedUntil, action }: { ownerId: number; verifiedUntil: string | null; action: typeof setFlowerVerificationAction }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const key = useFormKey(result);
  const shown = result?.ok ? result.data.verifiedUntil : verifiedUntil;
  return (
    <form key={key} action={formAction} className="mt-4 max-w-md space-y-4 rounded-md border border-leaf-100 bg-white p-4">
      <h3 className="text-lg font-bold text-leaf-900">FLOWER verification</h3>
      {result?.ok ? <FormMessage result={{ ok: true, message: shown ? `Verified through ${shown}.` : "FLOWER discount ended." }} /> : <FormMessage result={result} />}
      <input type="hidden" name="ownerId" value={ownerId} />
      <Field
        label="Verified through"
        name="verifiedUntil"
        type="date"
        defaultValue={failed?.values?.verifiedUntil ?? shown ?? ""}
        hint="The last day the discount applies, usually a year after seeing proof. Leave empty to end it."
        errors={failed?.fieldErrors?.verifiedUntil}
      />
      <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
    </form>
  );
}
