"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { changeRollAction } from "@/lib/actions/election-running";

const words = {
  add: { heading: "Add an ownership to the roll", button: "Add to the roll", done: "is on the roll now" },
  remove: { heading: "Remove an ownership from the roll", button: "Remove from the roll", done: "is off the roll now" },
} as const;

/** Admins: one change to the roll, by owner number, with the reason the audit log keeps. */
export function RollChangeForm({ electionId, change, action }: { electionId: number; change: "add" | "remove"; action: typeof changeRollAction }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const key = useFormKey(result);
  const headingId = `roll-${change}-heading`;
  return (
    <section aria-labelledby={headingId} className="mt-4 max-w-xl rounded-lg border border-leaf-100 bg-white p-4">
      <h3 id={headingId} className="text-lg font-bold text-leaf-900">
        {words[change].heading}
      </h3>
      <form key={key} action={formAction} className="mt-2 space-y-3">
        {result?.ok ? <p role="status" className="font-semibold">Owner {result.data.ownerNumber} {words[change].done}.</p> : <FormMessage result={failed ?? null} />}
        <input type="hidden" name="electionId" value={electionId} />
        <input type="hidden" name="change" value={change} />
        <Field label="Owner number" name="ownerNumber" inputMode="numeric" required maxLength={12} defaultValue={failed?.values?.ownerNumber ?? ""} errors={failed?.fieldErrors?.ownerNumber} />
        <Field
          label="Reason"
          name="reason"
          multiline
          rows={2}
          required
          maxLength={500}
          hint="Kept in the audit log with your name."
          defaultValue={failed?.values?.reason ?? ""}
          errors={failed?.fieldErrors?.reason}
        />
        <SubmitButton variant={change === "remove" ? "danger" : "primary"} pendingLabel="Saving…">
          {words[change].button}
        </SubmitButton>
      </form>
    </section>
  );
}
