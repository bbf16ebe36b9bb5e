"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { removeHouseholdMemberAction } from "@/lib/actions/owner-households";

/** Staff take one person (or their open invitation) off an ownership's household. */
export function RemoveHouseholdMemberForm({ ownerId, member, action }: { ownerId: number; member: { id: number; name: string }; action: typeof removeHouseholdMemberAction }) {
  const [result, formAction] = useActionState(action, null);
  if (result?.ok) return <FormMessage result={result} />;
  return (
    <form action={formAction} className="inline">
      <FormMessage result={result} />
      <input type="hidden" name="ownerId" value={ownerId} />
      <input type="hidden" name="memberId" value={member.id} />
      <SubmitButton pendingLabel="Removing…" variant="secondary">
        Remove {member.name}
      </SubmitButton>
    </form>
  );
}
