import type { Metadata } from "next";

export const metadata: Metadata = { title: "Benchmark floor", robots: { index: false } };

/**
 * The smallest prerendered page of the portal: the site shell and one sentence. `npm run
 * bench` measures every public page against it, in the same run on the same server, so
 * a ratio below 1 is what the page itself costs beyond the framework and the shell.
 */
export default function BenchmarkFloorPage() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-12 focus:outline-none">
      <h1 className="text-3xl font-bold text-leaf-900">Benchmark floor</h1>
      <p className="mt-4">This page is empty on purpose: the portal&apos;s benchmarks compare its pages with it.</p>
    </main>
  );
}
