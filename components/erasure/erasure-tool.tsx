"use client";

import { useActionState } from "react";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { erasePersonAction, lookUpPersonAction } from "@/lib/actions/erasure";
import { PersonHoldingsList } from "./person-holdings-list";

type Actions = { lookUpAction: typeof lookUpPersonAction; eraseAction: typeof erasePersonAction };

/**
 * The admin types an address (posted: it never reaches a URL), sees what the portal holds
 * for it as counts, and erases it with a tick box. Each look-up gets a fresh erase form
 * (keyed by when it was made), so an earlier answer never shows beside a new address.
 */
export function ErasureTool({ lookUpAction, eraseAction }: Actions) {
  const [lookup, lookUp] = useActionState(lookUpAction, null);
  const found = lookup?.ok ? lookup.data : null;
  const failed = lookup && !lookup.ok ? lookup : null;
  return (
    <>
      <form action={lookUp} className="mt-6 max-w-prose space-y-4">
        <FormMessage result={failed?.fieldErrors ? null : failed} />
        <Field
          label="Email address"
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={found?.email ?? failed?.values?.email ?? ""}
          errors={failed?.fieldErrors?.email}
        />
        <SubmitButton variant="secondary" pendingLabel="Looking…">
          Look up
        </SubmitButton>
      </form>
      {found && (
        <section aria-labelledby="erasure-holdings" className="mt-8 max-w-prose">
          <h2 id="erasure-holdings" className="text-xl font-bold text-leaf-900">
            What the portal holds for {found.email}
          </h2>
          <PersonHoldingsList holdings={found.holdings} />
          {found.refusal ? (
            <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-900">
              {found.refusal}
            </p>
          ) : (
            <EraseForm key={found.lookedUpAt} action={eraseAction} email={found.email} />
          )}
        </section>
      )}
    </>
  );
}

function EraseForm({ action, email }: { action: Actions["eraseAction"]; email: string }) {
  const [result, erase] = useActionState(action, null);
  const failed = result && !result.ok ? result : null;
  return (
    <form action={erase} className="mt-6 space-y-4 rounded-md border border-red-200 bg-white p-4">
      <input type="hidden" name="email" value={email} />
      <FormMessage result={failed?.fieldErrors?.confirmErasure ? null : failed} />
      <CheckboxField
        name="confirmErasure"
        required
        label="I have checked that this request comes from the person at this address. Delete everything listed above."
        hint="This cannot be undone. Backups still hold it until they are removed."
        errors={failed?.fieldErrors?.confirmErasure}
      />
      <SubmitButton variant="danger" pendingLabel="Erasing…">
        Erase everything listed
      </SubmitButton>
    </form>
  );
}
