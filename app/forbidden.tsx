import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not available to you", robots: { index: false } };

/** Answered with 403 when a signed-in person opens a page their role does not include. */
export default function Forbidden() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-12 focus:outline-none">
      <h1 className="text-3xl font-bold text-leaf-900">This page is for co-op staff</h1>
      <p className="mt-4 max-w-prose">
        You are signed in, but your account does not include this part of the site. If you work at the co-op and need
        access, ask an admin to change your role.
      </p>
      <p className="mt-4">
        <Link prefetch={false} href="/account">Your account</Link> · <Link href="/">Home page</Link>
      </p>
    </main>
  );
}
