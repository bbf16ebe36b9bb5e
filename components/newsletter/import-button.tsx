"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { importNewsletterListAction } from "@/lib/actions/newsletter-import";

/** Staff: imports the staged file `file` (its new addresses get a confirmation email, nothing else). */
export function ImportButton({ action, file, count }: { action: typeof importNewsletterListAction; file: string; count: number }) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-6 space-y-3">
      <FormMessage result={result} />
      <input type="hidden" name="file" value={file} />
      <SubmitButton pendingLabel="Importing…">
        Import {count.toLocaleString("en-US")} address{count === 1 ? "" : "es"}
      </SubmitButton>
    </form>
  );
}
