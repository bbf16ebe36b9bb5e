import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButtons } from "@/components/account/sign-out-buttons";
import { AccountBallotBox } from "@/components/elections/account-ballot-box";
import { ResultsEmailPreference } from "@/components/elections/results-email-preference";
import { AccountSubscription } from "@/components/newsletter/account-subscription";
import { AccountApplication } from "@/components/owners/account-application";
import { AccountOwnership } from "@/components/owners/account-ownership";
import { HouseholdInvitations } from "@/components/owners/household-invitations";
import { ButtonLink } from "@/components/ui/button-link";
import { db } from "@/db";
import { getResultsEmailPreference } from "@/db/queries/election-running";
import { listBallotsWaitingFor } from "@/db/queries/election-voters";
import { getLatestApplicationByEmail } from "@/db/queries/owner-applications";
import { listOpenInvitationsForEmail } from "@/db/queries/owner-households";
import { getOwnershipForUser } from "@/db/queries/owners";
import { signOutAction, signOutEverywhereAction } from "@/lib/actions/auth";
import { setResultsEmailAction } from "@/lib/actions/election-running";
import { acceptHouseholdInvitationAction, declineHouseholdInvitationAction } from "@/lib/actions/owner-households";
import { subscribeFromAccountAction, unsubscribeFromAccountAction } from "@/lib/actions/newsletter";
import { withdrawOwnerApplicationAction } from "@/lib/actions/owner-applications";
import { roleLabels, isStaffRole } from "@/lib/model/users";
import { requirePageRole } from "@/lib/auth/session";
import { storeDay } from "@/lib/model/format";
import { getAccountLists } from "@/lib/newsletter/account-lists";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

type Props = { searchParams: Promise<{ application?: string | string[] }> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await requirePageRole("member", "/account");
  // Read for this person only: their own ownership (or their household's), else their own application.
  const ownership = getOwnershipForUser(db, user.id);
  const application = ownership ? null : getLatestApplicationByEmail(user.email);
  const invitations = listOpenInvitationsForEmail(db, user.email, new Date());
  // Where withdrawing lands; said only when there is indeed no application waiting.
  const withdrawn = (await searchParams).application === "withdrawn" && application?.status !== "submitted";
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Your account</h1>
      {withdrawn && (
        <p role="status" className="mt-4 max-w-prose rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3 font-semibold text-leaf-900">
          Your owner application is withdrawn and deleted. We have emailed you to confirm.
        </p>
      )}
      <dl className="mt-6 grid max-w-lg grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">Email</dt>
        <dd>{user.email}</dd>
        {user.name && (
          <>
            <dt className="font-semibold">Name</dt>
            <dd>{user.name}</dd>
          </>
        )}
        <dt className="font-semibold">Role</dt>
        <dd>{roleLabels[user.role]}</dd>
      </dl>
      {invitations.length > 0 && <HouseholdInvitations invitations={invitations} accept={acceptHouseholdInvitationAction} decline={declineHouseholdInvitationAction} />}
      <AccountBallotBox ballots={listBallotsWaitingFor(db, user.id, new Date())} />
      {ownership && <AccountOwnership ownership={ownership} today={storeDay()} />}
      {ownership && <ResultsEmailPreference wanted={getResultsEmailPreference(db, user.id)} save={setResultsEmailAction} />}
      {application && <AccountApplication application={application} withdraw={withdrawOwnerApplicationAction} />}
      {!ownership && !application && !isStaffRole(user.role) && (
        <section aria-labelledby="ownership-heading" className="mt-8">
          <h2 id="ownership-heading" className="text-2xl font-bold text-leaf-900">
            Become an owner
          </h2>
          <p className="mt-2 max-w-prose">You are not an owner yet. Applying takes about five minutes.</p>
          <p className="mt-4">
            <ButtonLink href="/owners/apply">Apply to become an owner</ButtonLink>
          </p>
        </section>
      )}
      <AccountSubscription
        subscription={getAccountLists(user.email, { hasOwnership: ownership !== null })}
        save={subscribeFromAccountAction}
        leaveAll={unsubscribeFromAccountAction}
      />
      {isStaffRole(user.role) && (
        <p className="mt-6">
          <Link prefetch={false} href="/staff">Go to the staff area</Link>
        </p>
      )}
      <section aria-labelledby="sign-out" className="mt-10">
        <h2 id="sign-out" className="text-xl font-bold text-leaf-900">
          Sign out
        </h2>
        <p className="mt-2 max-w-prose">
          Signing out everywhere ends your sessions on every phone and computer, for example one you forgot to sign out
          of.
        </p>
        <SignOutButtons signOut={signOutAction} signOutEverywhere={signOutEverywhereAction} />
      </section>
    </>
  );
}
