"use client";

import { useActionState } from "react";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { certifyElectionAction } from "@/lib/actions/election-running";

/** Admins: certify the counted results, which publishes them on the election's page and emails the owners who asked. */
export function CertifyForm({ electionId, certify }: { electionId: number; certify: typeof certifyElectionAction }) {
  const [result, action] = useActionState(certify, null);
  const failed = result && !result.ok ? result : undefined;
  return (
    <section aria-labelledby="certify-heading" className="mt-8 max-w-prose rounded-lg border border-leaf-100 bg-white p-4">
      <h2 id="certify-heading" className="text-xl font-bold text-leaf-900">
        Certify the results
      </h2>
      <p className="mt-2">
        Certifying publishes these results and the receipt codes counted on the election&apos;s public page, and emails the owners who asked for results. It cannot be undone, and no
        paper batch can be entered after it.
      </p>
      <form action={action} className="mt-3 space-y-3">
        <FormMessage result={result} />
        <input type="hidden" name="electionId" value={electionId} />
        <CheckboxField name="confirm" label="The paper batches are all entered and these results are checked." errors={failed?.fieldErrors?.confirm} />
        <SubmitButton pendingLabel="Certifying…">Certify and publish</SubmitButton>
      </form>
    </section>
  );
}
