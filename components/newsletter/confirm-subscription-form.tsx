"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { confirmSubscriptionAction } from "@/lib/actions/newsletter";

type Props = { action: typeof confirmSubscriptionAction; token: string };

/** The button of /newsletter/confirm; once pressed, says so and gives the unsubscribe link. */
export function ConfirmSubscriptionForm({ action, token }: Props) {
  const [result, formAction] = useActionState(action, null);
  if (result?.ok) {
    return (
      <div role="status" className="mt-6 space-y-4">
        <p className="text-xl font-semibold text-leaf-900">You are subscribed. Thank you!</p>
        <p className="max-w-prose">The next newsletter will come to your inbox. Every one of them has a link to unsubscribe.</p>
        <p>
          Changed your mind?{" "}
          <Link prefetch={false} href={result.data.unsubscribeUrl}>
            Unsubscribe
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <FormMessage result={result} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Confirming…">Confirm my subscription</SubmitButton>
    </form>
  );
}
