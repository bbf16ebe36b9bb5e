import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Check your email</h1>
      <p className="mt-4 max-w-prose">
        If that address can receive email, a sign-in link is on its way. Open it on this device within 10 minutes. It can
        take a minute to arrive; look in your spam folder if it does not.
      </p>
      <p className="mt-4">
        <Link prefetch={false} href="/login">Ask for another link</Link>
      </p>
    </>
  );
}
