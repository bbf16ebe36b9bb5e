"use client";

import { useActionState } from "react";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { withdrawOwnerApplicationAction } from "@/lib/actions/owner-applications";

/**
 * "Withdraw my application", with a tick box as the confirm step (it works the same
 * without JavaScript). On success the action sends the person back to /account.
 */
export function WithdrawApplicationForm({ action }: { action: typeof withdrawOwnerApplicationAction }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : null;
  return (
    <form action={formAction} className="mt-6 max-w-prose space-y-4 rounded-md border border-leaf-100 bg-white p-4">
      <h3 className="text-xl font-bold text-leaf-900">Changed your mind?</h3>
      <p>
        You can withdraw your application while it waits for review. We then delete it at once, with everything you wrote in it,
        and send you an email to confirm. You can apply again later.
      </p>
      <FormMessage result={failed?.fieldErrors ? null : failed} />
      <CheckboxField
        name="confirmWithdrawal"
        label="Yes, withdraw my application and delete it."
        errors={failed?.fieldErrors?.confirmWithdrawal}
      />
      <SubmitButton variant="danger" pendingLabel="Withdrawing…">
        Withdraw my application
      </SubmitButton>
    </form>
  );
}
