"use client";

import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-12 focus:outline-none">
      <h1 className="text-3xl font-bold text-leaf-900">Something went wrong on our side</h1>
      <p className="mt-4">
        The page could not be shown just now. Nothing you entered was lost by reading this page; please try again in a
        moment.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-leaf-800 px-4 py-2 font-semibold text-white hover:bg-leaf-900"
        >
          Try again
        </button>
        <Link href="/" className="rounded-md border border-leaf-800 px-4 py-2 font-semibold no-underline">
          Go to the home page
        </Link>
      </div>
    </main>
  );
}
