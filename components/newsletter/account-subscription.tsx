"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { subscribeFromAccountAction, unsubscribeFromAccountAction } from "@/lib/actions/newsletter";
import { formatDateTime } from "@/lib/model/format";
import type { SubscriberStatus } from "@/lib/model/newsletter";
import { LeaveAllForm } from "./leave-all-form";
import { ListCheckboxes, type ListOption } from "./list-checkboxes";

type Props = {
  subscription: { status: SubscriberStatus | null; confirmedAt: Date | null; lists: ListOption[] };
  save: typeof subscribeFromAccountAction;
  leaveAll: typeof unsubscribeFromAccountAction;
};

/** /account: the signed-in person's newsletter lists, by their address, saved at once; and "Leave all". */
export function AccountSubscription({ subscription, save, leaveAll }: Props) {
  const subscribed = subscription.status === "confirmed";
  return (
    <section aria-labelledby="newsletter-heading" className="mt-8">
      <h2 id="newsletter-heading" className="text-2xl font-bold text-leaf-900">
        Email newsletter
      </h2>
      <p className="mt-2 max-w-prose" aria-live="polite">
        {subscribed
          ? `You receive the email newsletter at this address (subscribed ${formatDateTime(subscription.confirmedAt)}). Choose the lists you want.`
          : subscription.status === "pending"
            ? "A confirmation link was emailed to this address. You are signed in with it, so you can also subscribe right here."
            : "You do not receive the email newsletter."}
      </p>
      {subscription.lists.length > 0 ? (
        <ListsForm lists={subscription.lists} save={save} subscribed={subscribed} />
      ) : (
        <p className="mt-2">There are no lists to choose from right now.</p>
      )}
      {subscribed && <LeaveAll leaveAll={leaveAll} />}
    </section>
  );
}

function ListsForm({ lists, save, subscribed }: { lists: ListOption[]; save: Props["save"]; subscribed: boolean }) {
  const [result, formAction] = useActionState(save, null);
  // A saved choice comes back as new props: remounting shows the boxes as they now stand.
  const key = lists.map((list) => `${list.id}:${list.ticked}`).join(",");
  return (
    <form key={key} action={formAction} className="mt-4 max-w-prose space-y-4">
      {result && !result.ok && <FormMessage result={result} />}
      {result?.ok && (
        <p role="status" className="font-semibold text-leaf-900">
          {result.data.subscribed ? "Your lists are saved." : "You are on no list now: no more newsletter emails will be sent to you."}
        </p>
      )}
      <ListCheckboxes legend="Lists" lists={lists} />
      <SubmitButton pendingLabel="Saving…">{subscribed ? "Save my lists" : "Subscribe"}</SubmitButton>
    </form>
  );
}

function LeaveAll({ leaveAll }: { leaveAll: Props["leaveAll"] }) {
  const [result, formAction] = useActionState(leaveAll, null);
  return <LeaveAllForm action={formAction} refusal={result && !result.ok ? result.message : undefined} />;
}
