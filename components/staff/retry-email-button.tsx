"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { retryEmailAction } from "@/lib/actions/email";

export function RetryEmailButton({ action, id }: { action: typeof retryEmailAction; id: number }) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingLabel="Queuing…">
        Retry
      </SubmitButton>
      {result && (
        <span role={result.ok ? "status" : "alert"} className={result.ok ? "text-leaf-800" : "font-semibold text-red-800"}>
          {result.message}
        </span>
      )}
    </form>
  );
}
