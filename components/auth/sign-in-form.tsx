"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { requestSignInLinkAction } from "@/lib/actions/auth";

type Props = { action: typeof requestSignInLinkAction; callbackUrl?: string };

export function SignInForm({ action, callbackUrl }: Props) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const formKey = useFormKey(result);
  return (
    <form key={formKey} action={formAction} className="max-w-md space-y-4" noValidate>
      <FormMessage result={result} />
      <Field
        label="Email address"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        errors={failed?.fieldErrors?.email}
        defaultValue={failed?.values?.email ?? ""}
      />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <SubmitButton pendingLabel="Sending…">Email me a sign-in link</SubmitButton>
    </form>
  );
}
