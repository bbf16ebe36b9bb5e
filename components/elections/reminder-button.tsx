"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { sendRemindersAction } from "@/lib/actions/election-running";

/** Staff: emails a reminder with a fresh ballot link to every ownership that has not voted; at most once a day. */
export function ReminderButton({ electionId, lastSentAt, send }: { electionId: number; lastSentAt: string | null; send: typeof sendRemindersAction }) {
  const [result, action] = useActionState(send, null);
  return (
    <section aria-labelledby="reminders-heading" className="mt-6 max-w-prose">
      <h2 id="reminders-heading" className="text-xl font-bold text-leaf-900">
        Remind those who have not voted
      </h2>
      <p className="mt-2">
        Every ownership on the roll that has not voted gets an email with a new link to its ballot (the link in earlier emails stops working). Owners get at most one reminder a day.
        {lastSentAt ? ` The last reminders went out ${lastSentAt}.` : " No reminders have gone out yet."}
      </p>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="electionId" value={electionId} />
        {result?.ok ? (
          <p role="status" className="rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3 font-semibold text-leaf-900">
            {result.data.emailsQueued === 1 ? "1 reminder is on its way." : `${result.data.emailsQueued} reminders are on their way.`}
          </p>
        ) : (
          <FormMessage result={result} />
        )}
        <SubmitButton pendingLabel="Sending…">Send reminders</SubmitButton>
      </form>
    </section>
  );
}
