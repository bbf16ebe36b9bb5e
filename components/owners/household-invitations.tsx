"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { acceptHouseholdInvitationAction, declineHouseholdInvitationAction } from "@/lib/actions/owner-households";

type Props = {
  invitations: { id: number; invitedBy: string }[];
  accept: typeof acceptHouseholdInvitationAction;
  decline: typeof declineHouseholdInvitationAction;
};

/** Invitations to join a household sent to the signed-in person's address, each to accept or decline. */
export function HouseholdInvitations({ invitations, accept, decline }: Props) {
  return (
    <section aria-labelledby="invitations-heading" className="mt-8">
      <h2 id="invitations-heading" className="text-2xl font-bold text-leaf-900">
        Household invitations
      </h2>
      {invitations.map((invitation) => (
        <InvitationAnswer key={invitation.id} invitation={invitation} accept={accept} decline={decline} />
      ))}
    </section>
  );
}

function InvitationAnswer({ invitation, accept, decline }: { invitation: Props["invitations"][number] } & Omit<Props, "invitations">) {
  const [accepted, acceptAction] = useActionState(accept, null);
  const [declined, declineAction] = useActionState(decline, null);
  const answered = accepted?.ok ? accepted : declined?.ok ? declined : null;
  if (answered) return <div className="mt-4"><FormMessage result={answered} /></div>;
  return (
    <div className="mt-4 max-w-prose rounded-md border border-leaf-100 bg-white p-4">
      <p>
        {invitation.invitedBy} invited you to join their household’s ownership. If you accept, you see its owner number, equity and
        household here, and they see that you joined.
      </p>
      <FormMessage result={accepted ?? declined} />
      <div className="mt-4 flex flex-wrap gap-3">
        <form action={acceptAction}>
          <input type="hidden" name="invitationId" value={invitation.id} />
          <SubmitButton pendingLabel="Joining…">Accept and join</SubmitButton>
        </form>
        <form action={declineAction}>
          <input type="hidden" name="invitationId" value={invitation.id} />
          <SubmitButton pendingLabel="Declining…" variant="secondary">
            Decline
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
