"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { deleteDraftElectionAction, openElectionNowAction } from "@/lib/actions/election-drafts";

const linkButton = "inline-block rounded-md px-4 py-2 font-semibold no-underline";

/**
 * A draft's two irreversible steps, each behind a confirmation that is a state of the page
 * (`?confirm=open`, `?confirm=delete`), so that both work without JavaScript: opening now
 * writes the roll and emails every ownership on it; deleting takes the ballot with it.
 */
export function DraftControls({
  id,
  confirming,
  openNow,
  deleteDraft,
}: {
  id: number;
  confirming: "open" | "delete" | null;
  openNow: typeof openElectionNowAction;
  deleteDraft: typeof deleteDraftElectionAction;
}) {
  const [opened, openAction] = useActionState(openNow, null);
  const [deleted, deleteAction] = useActionState(deleteDraft, null);
  const page = `/staff/elections/${id}`;
  if (opened?.ok) {
    return (
      <p role="status" className="mt-4 rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3 font-semibold text-leaf-900">
        Voting is open. {opened.data.rollSize} {opened.data.rollSize === 1 ? "ownership is" : "ownerships are"} on the roll, and {opened.data.emailsQueued} ballot{" "}
        {opened.data.emailsQueued === 1 ? "email is" : "emails are"} on their way.
      </p>
    );
  }
  return (
    <section aria-labelledby="draft-controls" className="mt-6 max-w-3xl rounded-lg border border-leaf-100 bg-white p-5">
      <h2 id="draft-controls" className="text-xl font-bold text-leaf-900">
        Open or delete
      </h2>
      <div className="mt-3 space-y-3">
        <FormMessage result={opened} />
        <FormMessage result={deleted?.ok ? null : deleted} />
        {confirming === "open" ? (
          <form action={openAction} className="space-y-3 rounded-md border border-red-700 bg-red-50 p-4">
            <input type="hidden" name="id" value={id} />
            <p className="font-semibold text-red-900">
              Open voting now? The roll is written from the record date and every ownership on it is emailed its ballot. From then on nothing about
              the election can change.
            </p>
            <div className="flex flex-wrap gap-3">
              <SubmitButton variant="danger" pendingLabel="Opening…">
                Yes, open voting now
              </SubmitButton>
              <Link prefetch={false} href={page} className={`${linkButton} border border-leaf-800 bg-white text-leaf-800`}>
                Not yet
              </Link>
            </div>
          </form>
        ) : confirming === "delete" ? (
          <form action={deleteAction} className="space-y-3 rounded-md border border-red-700 bg-red-50 p-4">
            <input type="hidden" name="id" value={id} />
            <p className="font-semibold text-red-900">Delete this draft with its whole ballot? It cannot be brought back.</p>
            <div className="flex flex-wrap gap-3">
              <SubmitButton variant="danger" pendingLabel="Deleting…">
                Yes, delete the draft
              </SubmitButton>
              <Link prefetch={false} href={page} className={`${linkButton} border border-leaf-800 bg-white text-leaf-800`}>
                Keep it
              </Link>
            </div>
          </form>
        ) : (
          <p className="flex flex-wrap gap-3">
            <Link prefetch={false} href={`${page}?confirm=open#draft-controls`} className={`${linkButton} bg-leaf-800 text-white hover:bg-leaf-900 hover:text-white`}>
              Open now
            </Link>
            <Link prefetch={false} href={`${page}?confirm=delete#draft-controls`} className={`${linkButton} border border-red-800 bg-white text-red-800`}>
              Delete the draft
            </Link>
          </p>
        )}
      </div>
    </section>
  );
}
