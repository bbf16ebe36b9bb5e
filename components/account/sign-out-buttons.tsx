"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { signOutAction, signOutEverywhereAction } from "@/lib/actions/auth";

type Props = { signOut: typeof signOutAction; signOutEverywhere: typeof signOutEverywhereAction };

export function SignOutButtons({ signOut, signOutEverywhere }: Props) {
  const [thisResult, thisAction] = useActionState(signOut, null);
  const [allResult, allAction] = useActionState(signOutEverywhere, null);
  return (
    <div className="mt-4 space-y-3">
      <FormMessage result={thisResult ?? allResult} />
      <div className="flex flex-wrap gap-3">
        <form action={thisAction}>
          <SubmitButton pendingLabel="Signing out…">Sign out</SubmitButton>
        </form>
        <form action={allAction}>
          <SubmitButton variant="secondary" pendingLabel="Signing out…">
            Sign out everywhere
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
