"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { declineInvitationByLinkAction } from "@/lib/actions/owner-households";

/** The decline button of an emailed invitation's page: works without signing in. */
export function DeclineInvitationForm({ action, token }: { action: typeof declineInvitationByLinkAction; token: string }) {
  const [result, formAction] = useActionState(action, null);
  if (result?.ok) return <div className="mt-6"><FormMessage result={result} /></div>;
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <FormMessage result={result} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Declining…" variant="secondary">
        Decline the invitation
      </SubmitButton>
    </form>
  );
}
