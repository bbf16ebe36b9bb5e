"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { confirmSubscriptionAction } from "@/lib/actions/newsletter";

type Props = {
  action: typeof confirmSubscriptionAction;
  token: string;
  /** Why the link does not work (used, unknown, expired); null for a link that does. */
  problem: string | null;
  firstName: string | null;
  lists: string[];
};

/**
 * All of /newsletter/confirm: the button, and once pressed, the thanks with the unsubscribe
 * link. One component whatever the link's state, because without JavaScript the server
 * answers the button's POST with this page again: the link is spent by then, and the
 * pressed button's result only reaches a form at the same place in the page.
 */
export function ConfirmSubscriptionForm({ action, token, problem, firstName, lists }: Props) {
  const [result, formAction] = useActionState(action, null);
  if (result?.ok) {
    return (
      <>
        <h1 className="text-3xl font-bold text-leaf-900">Confirm your subscription</h1>
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
      </>
    );
  }
  if (problem) {
    return (
      <>
        <h1 className="text-3xl font-bold text-leaf-900">This confirmation link does not work</h1>
        <p className="mt-4 max-w-prose">{problem}</p>
        <p className="mt-4">
          <Link prefetch={false} href="/newsletter#signup">
            Sign up for the newsletter
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Confirm your subscription</h1>
      <p className="mt-4 max-w-prose">
        {firstName ? `Hello ${firstName}! ` : ""}Press the button to receive the co-op&apos;s email newsletter. You can unsubscribe
        at any time from any newsletter email.
      </p>
      {lists.length > 0 && (
        <>
          <p className="mt-3">The lists chosen:</p>
          <ul className="mt-1 list-disc pl-6">
            {lists.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </>
      )}
      <form action={formAction} className="mt-6 space-y-4">
        <FormMessage result={result} />
        <input type="hidden" name="token" value={token} />
        <SubmitButton pendingLabel="Confirming…">Confirm my subscription</SubmitButton>
      </form>
      <p className="mt-6 text-sm text-muted">Did not sign up? Close this page: nothing happens until the button is pressed.</p>
    </>
  );
}
