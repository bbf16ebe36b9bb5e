import type { Metadata } from "next";
import Link from "next/link";
import { BrowseCategories, SearchForm, searchHeading } from "@/components/monographs/search-form";
import { SearchResultList } from "@/components/monographs/search-result-list";
import { searchMonographs } from "@/db/queries/monograph-search";
import { getCachedCategories } from "@/lib/monographs/cached";
import { MAX_QUERY_LENGTH } from "@/lib/model/monograph-search";

export const metadata: Metadata = { title: "Search the health library", robots: { index: false } };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

/**
 * /health/search/results?q=…: search results rendered on the server, for a browser
 * without JavaScript. Every search form sends its GET here (SERVER_SEARCH_PATH), and with
 * scripts each form's submit handler goes to the prerendered /health/search instead, which
 * fetches its results. Rendered per request.
 */
export default async function HealthSearchResultsPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, MAX_QUERY_LENGTH) ?? "";
  const results = query.trim() ? searchMonographs(query) : [];
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/health">Health library</Link> <span aria-hidden="true">&gt;</span> Search
      </nav>
      <h1 className="text-3xl font-bold text-leaf-900">{searchHeading(query)}</h1>
      <SearchForm defaultValue={query} />
      <div className="mt-6">
        {results.length > 0 ? (
          <>
            <p className="mb-4 text-sm text-muted" role="status">
              {results.length} {results.length === 1 ? "monograph matches" : "monographs match"}.
            </p>
            <SearchResultList results={results} />
          </>
        ) : (
          <BrowseCategories message={query.trim() ? "No monographs match that search." : "Type a word above to search."} categories={await getCachedCategories()} />
        )}
      </div>
    </>
  );
}
