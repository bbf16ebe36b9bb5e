import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { SearchPage, SearchPageShell } from "@/components/monographs/search-page";
import { QueryProvider } from "@/components/providers/query-provider";
import { getCachedCategories } from "@/lib/monographs/cached";

export const metadata: Metadata = { title: "Search the health library", robots: { index: false } };

/**
 * /health/search?q=…: prerendered once, whatever the query, and served from the page
 * cache; the results come from /api/monographs/search in the browser. So a search costs the
 * server one small JSON answer, not a render of the whole site. A browser without
 * JavaScript sends its search to /health/search/results, rendered on the server (see
 * SERVER_SEARCH_PATH).
 */
export default async function HealthSearchPage() {
  const categories = (await getCachedCategories()).map(({ slug, name, count }) => ({ slug, name, count }));
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/health">Health library</Link> <span aria-hidden="true">&gt;</span> Search
      </nav>
      {/* The query is read in the browser: the prerendered page holds this shell. */}
      <Suspense fallback={<SearchPageShell categories={categories} />}>
        <QueryProvider>
          <SearchPage categories={categories} />
        </QueryProvider>
      </Suspense>
    </>
  );
}
