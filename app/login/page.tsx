import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { requestSignInLinkAction } from "@/lib/actions/auth";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

const errorMessages: Record<string, string> = {
  Verification: "That sign-in link has been used, has expired, or was copied incompletely. Ask for a new one below.",
  SessionRequired: "Please sign in to see that page.",
  UseButton: "Sign-in links open a page with a Sign in button; nothing was signed in. Open the link from your email, or ask for a new one below.",
};

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; signedOut?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, error, signedOut } = await searchParams;
  // Object.hasOwn: `?error=__proto__` must not read the object's prototype.
  const notice = error ? ((typeof error === "string" && Object.hasOwn(errorMessages, error) ? errorMessages[error] : undefined) ?? "Signing in did not work. Please ask for a new link.") : undefined;
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Sign in</h1>
      {signedOut && (
        <p role="status" className="mt-4 rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3">
          You are signed out.
        </p>
      )}
      {notice && (
        <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-900">
          {notice}
        </p>
      )}
      <p className="mt-4 max-w-prose">
        There is no password to remember. Enter your email address and we will send you a link that signs you in; it
        works once, within 10 minutes.
      </p>
      <div className="mt-6">
        <SignInForm action={requestSignInLinkAction} callbackUrl={callbackUrl ? safeCallbackPath(callbackUrl) : undefined} />
      </div>
      {getEnv().demo && (
        <aside aria-label="Demo mode" className="mt-8 rounded-md border border-amber-700 bg-amber-50 p-4 text-sm">
          <p className="font-semibold">Demo mode: no email is really sent.</p>
          <p className="mt-1">
            The sign-in link is printed in the server log and saved as an email file in <code>data/outbox/</code>. Demo
            accounts: <code>admin@coop.example</code>, <code>staff@coop.example</code>, <code>owner@coop.example</code>.
          </p>
        </aside>
      )}
    </>
  );
}
