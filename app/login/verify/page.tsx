import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { describeSignInLink } from "@/lib/auth/sign-in-links";

export const metadata: Metadata = { title: "Finish signing in", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string; callbackUrl?: string }> };

/**
 * The page an emailed link opens. Opening it changes nothing; the button POSTs the
 * token, so a mail scanner that follows links cannot use the link up.
 */
export default async function VerifyPage({ searchParams }: Props) {
  const { token = "", callbackUrl } = await searchParams;
  const link = describeSignInLink(token);

  if (!link || link.expired) {
    return (
      <>
        <h1 className="text-3xl font-bold text-leaf-900">This sign-in link no longer works</h1>
        <p className="mt-4 max-w-prose">
          {link?.expired
            ? "It has expired: links work for 10 minutes."
            : "It has been used already, or it was copied incompletely."}{" "}
          You can ask for a new one.
        </p>
        <p className="mt-4">
          <Link prefetch={false} href="/login">Ask for a new sign-in link</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Finish signing in</h1>
      <p className="mt-4">
        You are signing in as <strong>{link.email}</strong>.
      </p>
      <form method="post" action="/api/auth/callback/email" className="mt-6">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="callbackUrl" value={safeCallbackPath(callbackUrl)} />
        <button type="submit" className="rounded-md bg-leaf-800 px-5 py-2.5 font-semibold text-white hover:bg-leaf-900">
          Sign in
        </button>
      </form>
      <p className="mt-6 text-sm text-muted">Not you? Close this page; nothing happens until the button is pressed.</p>
    </>
  );
}
