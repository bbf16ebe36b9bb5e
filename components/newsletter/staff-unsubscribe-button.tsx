"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { staffUnsubscribeAction } from "@/lib/actions/newsletter";

/** Staff: unsubscribes one subscriber from the list. */
export function StaffUnsubscribeButton({ action, subscriberId, email }: { action: typeof staffUnsubscribeAction; subscriberId: number; email: string }) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="subscriberId" value={subscriberId} />
      <SubmitButton variant="secondary" pendingLabel="Unsubscribing…">
        Unsubscribe<span className="sr-only"> {email}</span>
      </SubmitButton>
      {result && !result.ok && (
        <span role="alert" className="font-semibold text-red-800">
          {result.message}
        </span>
      )}
    </form>
  );
}
