import type { Metadata } from "next";
import Link from "next/link";
import { DeclineInvitationForm } from "@/components/owners/decline-invitation-form";
import { ButtonLink } from "@/components/ui/button-link";
import { db } from "@/db";
import { findInvitationByTokenHash } from "@/db/queries/owner-households";
import { declineInvitationByLinkAction } from "@/lib/actions/owner-households";
import { hashLinkToken, isWellFormedLinkToken } from "@/lib/link-tokens";

export const metadata: Metadata = { title: "An invitation to a household", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/**
 * The page a household invitation's link opens. Opening it changes nothing (mail scanners
 * follow links). Accepting needs the invitee signed in with the invited address, on
 * /account; declining needs only this link, so a stranger need not make an account to say
 * no. It reads the token, so it renders per request.
 */
export default async function HouseholdInvitationPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const invitation = isWellFormedLinkToken(value) ? findInvitationByTokenHash(db, hashLinkToken(value), new Date()) : null;

  if (!invitation) {
    return (
      <>
        <h1 className="text-3xl font-bold text-leaf-900">This invitation link does not work</h1>
        <p className="mt-4 max-w-prose">
          The invitation is no longer open: it was answered, withdrawn, or it expired. If you expected to join a household, ask the
          owner to send it again.
        </p>
        <p className="mt-4">
          <Link prefetch={false} href="/account">
            Go to your account
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Join {invitation.invitedBy}’s household?</h1>
      <p className="mt-4 max-w-prose">
        {invitation.invitedBy} added this email address to their household’s ownership at the co-op. Nothing is shared with you, and
        you are not part of it, unless you accept.
      </p>
      <h2 className="mt-8 text-xl font-bold text-leaf-900">To accept</h2>
      <p className="mt-2 max-w-prose">Sign in with the address this invitation was sent to. The invitation waits on your account page.</p>
      <p className="mt-4">
        <ButtonLink href="/login?callbackUrl=%2Faccount" prefetch={false}>
          Sign in to accept
        </ButtonLink>
      </p>
      <h2 className="mt-8 text-xl font-bold text-leaf-900">To decline</h2>
      <p className="mt-2 max-w-prose">Don’t know them, or don’t want to join? Declining removes your address from their household.</p>
      <DeclineInvitationForm action={declineInvitationByLinkAction} token={value} />
    </>
  );
}
