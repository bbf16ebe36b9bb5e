"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { setResultsEmailAction } from "@/lib/actions/election-running";

/** /account: whether an owner is emailed when an election's results are certified (off until they ask). */
export function ResultsEmailPreference({ wanted, save }: { wanted: boolean; save: typeof setResultsEmailAction }) {
  const [result, action] = useActionState(save, null);
  const now = result?.ok ? result.data.wanted : wanted;
  return (
    <section aria-labelledby="results-email-heading" className="mt-8">
      <h2 id="results-email-heading" className="text-2xl font-bold text-leaf-900">
        Election results
      </h2>
      <p className="mt-2 max-w-prose" aria-live="polite">
        {now
          ? "We email you when an election's results are certified and published."
          : "Results are published on each election's page. If you like, we can also email you when they are."}
      </p>
      <form action={action} className="mt-4 flex flex-wrap items-center gap-3">
        <input type="hidden" name="wanted" value={now ? "no" : "yes"} />
        <SubmitButton variant={now ? "secondary" : "primary"} pendingLabel="Saving…">
          {now ? "Stop emailing me election results" : "Email me when election results are published"}
        </SubmitButton>
        {result && !result.ok && (
          <span role="alert" className="font-semibold text-red-800">
            {result.message}
          </span>
        )}
      </form>
    </section>
  );
}
