"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { subscribeFromAccountAction, unsubscribeFromAccountAction } from "@/lib/actions/newsletter";
import { formatDateTime } from "@/lib/model/format";
import type { SubscriberStatus } from "@/lib/model/newsletter";

type Props = {
  subscription: { status: SubscriberStatus; confirmedAt: Date | null } | null;
  subscribe: typeof subscribeFromAccountAction;
  unsubscribe: typeof unsubscribeFromAccountAction;
};

/** /account: the signed-in person's newsletter subscription, by their address, with the one button that changes it. */
export function AccountSubscription({ subscription, subscribe, unsubscribe }: Props) {
  const subscribed = subscription?.status === "confirmed";
  return (
    <section aria-labelledby="newsletter-heading" className="mt-8">
      <h2 id="newsletter-heading" className="text-2xl font-bold text-leaf-900">
        Email newsletter
      </h2>
      <p className="mt-2 max-w-prose" aria-live="polite">
        {subscribed
          ? `You receive the email newsletter at this address (subscribed ${formatDateTime(subscription.confirmedAt)}).`
          : subscription?.status === "pending"
            ? "A confirmation link was emailed to this address. You are signed in with it, so you can also subscribe right here."
            : "You do not receive the email newsletter."}
      </p>
      {subscribed ? (
        <ActionButton action={unsubscribe} label="Unsubscribe" pendingLabel="Unsubscribing…" variant="secondary" />
      ) : (
        <ActionButton action={subscribe} label="Subscribe" pendingLabel="Subscribing…" variant="primary" />
      )}
    </section>
  );
}

function ActionButton({
  action,
  label,
  pendingLabel,
  variant,
}: {
  action: typeof subscribeFromAccountAction;
  label: string;
  pendingLabel: string;
  variant: "primary" | "secondary";
}) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-4 flex flex-wrap items-center gap-3">
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      {result && !result.ok && (
        <span role="alert" className="font-semibold text-red-800">
          {result.message}
        </span>
      )}
    </form>
  );
}
