"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { clearBounceAction } from "@/lib/actions/newsletter-bounces";

/** Staff: lets newsletter mail go to one bounced address again. */
export function ClearBounceButton({ action, subscriberId, email }: { action: typeof clearBounceAction; subscriberId: number; email: string }) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="subscriberId" value={subscriberId} />
      <SubmitButton variant="secondary" pendingLabel="Clearing…">
        Clear<span className="sr-only"> the bounce of {email}</span>
      </SubmitButton>
      {result && !result.ok && (
        <span role="alert" className="font-semibold text-red-800">
          {result.message}
        </span>
      )}
    </form>
  );
}
