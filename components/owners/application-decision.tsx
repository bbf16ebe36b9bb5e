"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { approveOwnerApplicationAction, declineOwnerApplicationAction } from "@/lib/actions/owner-applications";
import { equityPaymentMethods } from "@/lib/model/equity";
import { paymentMethodLabels } from "@/lib/owners/labels";

/** Approve (with an optional first payment taken at the register) or decline (with a reason) one application. */
export function ApplicationDecision({
  applicationId,
  today,
  firstPaymentDue,
  approve,
  decline,
}: {
  applicationId: number;
  today: string;
  /** The plan's first payment in dollars, offered as the amount taken at the register. */
  firstPaymentDue: string;
  approve: typeof approveOwnerApplicationAction;
  decline: typeof declineOwnerApplicationAction;
}) {
  const [approved, approveAction] = useActionState(approve, null);
  const [declined, declineAction] = useActionState(decline, null);
  const approveKey = useFormKey(approved);
  const declineKey = useFormKey(declined);
  const approveFailed = approved && !approved.ok ? approved : undefined;
  const declineFailed = declined && !declined.ok ? declined : undefined;

  if (approved?.ok) {
    return (
      <p role="status" className="mt-6 rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3 font-semibold text-leaf-900">
        Approved as owner no. {approved.data.ownerNumber}. The welcome email with the owner number is on its way.{" "}
        {approved.data.householdInvited > 0 &&
          `${approved.data.householdInvited === 1 ? "The household member with an email was" : `The ${approved.data.householdInvited} household members with an email were`} invited to join; they see the ownership once they accept. `}
        <a href={`/staff/owners/${approved.data.ownerId}`}>Open the ownership</a>
      </p>
    );
  }
  if (declined?.ok) return <FormMessage result={declined} />;

  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-2">
      <form key={`approve-${approveKey}`} action={approveAction} className="space-y-4 rounded-md border border-leaf-100 bg-white p-4">
        <h2 className="text-xl font-bold text-leaf-900">Approve</h2>
        <FormMessage result={approveFailed ?? null} />
        <input type="hidden" name="applicationId" value={applicationId} />
        <Field label="Owner since" name="joinedOn" type="date" required defaultValue={approveFailed?.values?.joinedOn ?? today} errors={approveFailed?.fieldErrors?.joinedOn} hint="The equity schedule counts from this day." />
        <Field
          label="First payment taken at the register (optional)"
          name="firstPayment"
          inputMode="decimal"
          defaultValue={approveFailed?.values?.firstPayment ?? ""}
          placeholder={firstPaymentDue}
          hint={`In dollars. The plan's first payment is ${firstPaymentDue}. Leave empty if nothing was paid yet.`}
          errors={approveFailed?.fieldErrors?.firstPayment}
        />
        <Select label="Paid by" name="method" defaultValue={approveFailed?.values?.method ?? ""}>
          <option value="">Nothing paid yet</option>
          {equityPaymentMethods.map((method) => (
            <option key={method} value={method}>
              {paymentMethodLabels[method]}
            </option>
          ))}
        </Select>
        {approveFailed?.fieldErrors?.method && <p className="text-sm font-semibold text-red-800">{approveFailed.fieldErrors.method.join(" ")}</p>}
        <SubmitButton pendingLabel="Approving…">Approve and give the next owner number</SubmitButton>
      </form>
      <form key={`decline-${declineKey}`} action={declineAction} className="space-y-4 rounded-md border border-leaf-100 bg-white p-4">
        <h2 className="text-xl font-bold text-leaf-900">Decline</h2>
        <FormMessage result={declineFailed ?? null} />
        <input type="hidden" name="applicationId" value={applicationId} />
        <Field
          label="Reason"
          name="reason"
          multiline
          rows={4}
          required
          maxLength={1000}
          hint="The applicant reads this in an email and on their account: be kind and say what would help."
          defaultValue={declineFailed?.values?.reason ?? ""}
          errors={declineFailed?.fieldErrors?.reason}
        />
        <SubmitButton variant="danger" pendingLabel="Declining…">
          Decline and email the reason
        </SubmitButton>
      </form>
    </div>
  );
}
