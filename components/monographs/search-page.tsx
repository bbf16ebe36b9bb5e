"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { MAX_QUERY_LENGTH } from "@/lib/model/monograph-search";
import { BrowseCategories, SearchForm, searchHeading, searchPageHref, type CategoryCount } from "./search-form";
import { SearchResultList } from "./search-result-list";
import type { MonographSearchResponse } from "./use-monographs";

/** Results on one page, as the server-rendered results page shows them. */
const RESULTS_SHOWN = 20;

/**
 * What the prerendered page holds before the browser reads the query: the heading and the
 * form, and for a browser without JavaScript (a shared link opened with scripts off) the way
 * to results that need none.
 */
export function SearchPageShell({ categories }: { categories: CategoryCount[] }) {
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">{searchHeading("")}</h1>
      <SearchForm defaultValue="" />
      <div className="mt-6">
        <noscript>
          <p className="mb-4">This browser runs no JavaScript, so this page cannot read a search from its address: type the search again and press Search to see the results.</p>
        </noscript>
        <BrowseCategories message="Type a word above to search." categories={categories} />
      </div>
    </>
  );
}

/** The search page in the browser: the query from the address, results from the search API. */
export function SearchPage({ categories }: { categories: CategoryCount[] }) {
  const query = (useSearchParams().get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const trimmed = query.trim();
  const search = useQuery({
    queryKey: ["monographs", "search-page", trimmed],
    enabled: trimmed.length > 0,
    queryFn: async ({ signal }): Promise<MonographSearchResponse> => {
      const response = await fetch(`/api/monographs/search?q=${encodeURIComponent(trimmed)}&limit=${RESULTS_SHOWN}`, { signal });
      if (!response.ok) throw new Error(`Search answered ${response.status}`);
      return response.json();
    },
  });
  // A new search stays on this page: the address changes (history, sharing) and Next's
  // useSearchParams follows it, without a request for the page.
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get("q") ?? "");
    if (next.trim() === trimmed) void search.refetch();
    else window.history.pushState(null, "", searchPageHref(next));
  };
  const results = search.data?.results ?? [];
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">{searchHeading(query)}</h1>
      <SearchForm key={query} defaultValue={query} onSubmit={submit} />
      <div className="mt-6" aria-live="polite">
        {!trimmed ? (
          <BrowseCategories message="Type a word above to search." categories={categories} />
        ) : search.isPending ? (
          <p role="status">Searching…</p>
        ) : search.isError ? (
          <p role="alert">Search is not answering just now. Press Search to try again.</p>
        ) : results.length > 0 ? (
          <>
            <p className="mb-4 text-sm text-muted" role="status">
              {results.length} {results.length === 1 ? "monograph matches" : "monographs match"}.
            </p>
            <SearchResultList results={results} />
          </>
        ) : (
          <BrowseCategories message="No monographs match that search." categories={categories} />
        )}
      </div>
    </>
  );
}
