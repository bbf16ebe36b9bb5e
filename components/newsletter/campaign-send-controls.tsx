"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { deleteDraftCampaignAction, sendTestCampaignAction, startCampaignSendAction } from "@/lib/actions/newsletter-campaigns";

const plural = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "person" : "people"}`;

/**
 * A draft's buttons: a test to yourself, sending to its recipients as counted now (the confirm step is its own
 * page state, `?confirm=send`, so it works without JavaScript: the send cannot be taken
 * back), deleting the draft.
 */
export function CampaignSendControls({
  id,
  recipients,
  confirming,
  sendTest,
  startSend,
  deleteDraft,
}: {
  id: number;
  /** Who it would reach if it went out now: confirmed, not bounced, on its lists, in its segment. */
  recipients: number;
  confirming: boolean;
  sendTest: typeof sendTestCampaignAction;
  startSend: typeof startCampaignSendAction;
  deleteDraft: typeof deleteDraftCampaignAction;
}) {
  const [tested, testAction] = useActionState(sendTest, null);
  const [started, sendAction] = useActionState(startSend, null);
  const [deleted, deleteAction] = useActionState(deleteDraft, null);
  return (
    <section aria-labelledby="send-heading" className="mt-8 max-w-3xl rounded-lg border border-leaf-100 bg-white p-5">
      <h2 id="send-heading" className="text-xl font-bold text-leaf-900">
        Send
      </h2>
      <div className="mt-3 space-y-3">
        <FormMessage result={tested?.ok ? { ok: true, message: `A test is on its way to ${tested.data.to}. Its subject starts with [Test].` } : tested} />
        <FormMessage result={started?.ok ? null : started} />
        <FormMessage result={deleted?.ok ? null : deleted} />
        <form action={testAction}>
          <input type="hidden" name="id" value={id} />
          <SubmitButton variant="secondary" pendingLabel="Queueing the test…">
            Send a test to me
          </SubmitButton>
        </form>
        {recipients === 0 ? (
          <p>Nobody it could reach now: no confirmed subscriber is on its lists (in its segment), so there is no one to send it to.</p>
        ) : confirming ? (
          <form action={sendAction} className="space-y-3 rounded-md border border-red-700 bg-red-50 p-4">
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="confirm" value="yes" />
            <input type="hidden" name="expected" value={recipients} />
            <p className="font-semibold text-red-900">
              Send the saved version of this campaign to {plural(recipients)} now? It cannot be called back, and it will appear in the public archive. Who it reaches is worked out again as it goes out.
            </p>
            <div className="flex flex-wrap gap-3">
              <SubmitButton variant="danger" pendingLabel="Starting…">
                Yes, send it to {plural(recipients)}
              </SubmitButton>
              <Link prefetch={false} href={`/staff/newsletter/campaigns/${id}`} className="rounded-md border border-leaf-800 bg-white px-4 py-2 font-semibold text-leaf-800 no-underline">
                Not yet
              </Link>
            </div>
          </form>
        ) : (
          <p>
            <Link prefetch={false} href={`/staff/newsletter/campaigns/${id}?confirm=send#send-heading`} className="inline-block rounded-md bg-leaf-800 px-4 py-2 font-semibold text-white no-underline hover:bg-leaf-900">
              Send to {plural(recipients)}
            </Link>
          </p>
        )}
        <form action={deleteAction}>
          <input type="hidden" name="id" value={id} />
          <SubmitButton variant="danger" pendingLabel="Deleting…">
            Delete the draft
          </SubmitButton>
        </form>
      </div>
    </section>
  );
}
