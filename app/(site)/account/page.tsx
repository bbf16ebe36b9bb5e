import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButtons } from "@/components/account/sign-out-buttons";
import { signOutAction, signOutEverywhereAction } from "@/lib/actions/auth";
import { roleLabels, isStaffRole } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage() {
  const user = await requirePageRole("member", "/account");
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Your account</h1>
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
