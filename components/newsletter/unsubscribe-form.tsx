"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { unsubscribeByLinkAction } from "@/lib/actions/newsletter";
import { listPhrase } from "@/lib/newsletter/list-phrase";

type Props = { action: typeof unsubscribeByLinkAction; token: string; lists?: string[] };

/** The button of /newsletter/unsubscribe (a campaign email's link names the lists it leaves); once pressed, says so. */
export function UnsubscribeForm({ action, token, lists }: Props) {
  const [result, formAction] = useActionState(action, null);
  if (result?.ok && lists) {
    return (
      <div role="status" className="mt-6 space-y-4">
        <p className="text-xl font-semibold text-leaf-900">You have left {listPhrase(lists)}.</p>
        <p className="max-w-prose">No more emails from {lists.length === 1 ? "it" : "them"} will be sent to you, including any that were waiting to go out. Any other lists you chose stay as they were.</p>
      </div>
    );
  }
  if (result?.ok) {
    return (
      <div role="status" className="mt-6 space-y-4">
        <p className="text-xl font-semibold text-leaf-900">You are unsubscribed.</p>
        <p className="max-w-prose">No more newsletter emails will be sent to you, including any that were waiting to go out.</p>
        <p>
          Changed your mind? <Link prefetch={false} href="/newsletter#signup">Sign up again</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <FormMessage result={result} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton variant="danger" pendingLabel={lists ? "Leaving…" : "Unsubscribing…"}>
        {lists ? `Leave ${lists.length === 1 ? "this list" : "these lists"}` : "Unsubscribe"}
      </SubmitButton>
    </form>
  );
}
