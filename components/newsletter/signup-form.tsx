"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { subscribeToNewsletterAction } from "@/lib/actions/newsletter";
import { FIRST_NAME_MAX, listFieldName } from "@/lib/model/newsletter";
import { ListCheckboxes } from "./list-checkboxes";

type Props = {
  action: typeof subscribeToNewsletterAction;
  /** The lists to choose from (on /newsletter); without them (the aside) the default lists are joined. */
  lists?: { id: number; name: string; description: string; joinByDefault: boolean }[];
};

/**
 * The newsletter signup (double opt-in), in the aside of every public page and on
 * /newsletter. A server action posts it, so the pages around it stay prerendered.
 */
export function NewsletterSignupForm({ action, lists }: Props) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const formKey = useFormKey(result);
  return (
    <form key={formKey} action={formAction} className="space-y-3" noValidate>
      <FormMessage result={result} />
      <Field
        label="Email address"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        maxLength={254}
        errors={failed?.fieldErrors?.email}
        defaultValue={failed?.values?.email ?? ""}
      />
      <Field
        label="First name (optional)"
        name="firstName"
        autoComplete="given-name"
        maxLength={FIRST_NAME_MAX}
        errors={failed?.fieldErrors?.firstName}
        defaultValue={failed?.values?.firstName ?? ""}
      />
      {lists && (
        <>
          <input type="hidden" name="lists" value="chosen" />
          <ListCheckboxes
            legend="Lists"
            errors={failed?.fieldErrors?.lists}
            lists={lists.map((list) => ({ ...list, ticked: failed?.values ? failed.values[listFieldName(list.id)] === "on" : list.joinByDefault }))}
          />
        </>
      )}
      <SubmitButton pendingLabel="Signing up…">Sign up</SubmitButton>
    </form>
  );
}
