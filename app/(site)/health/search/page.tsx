import type { Metadata } from "next";
import Link from "next/link";
import { SearchResultList } from "@/components/monographs/search-result-list";
import { searchMonographs } from "@/db/queries/monograph-search";
import { getCachedCategories } from "@/lib/monographs/cached";
import { MAX_QUERY_LENGTH } from "@/lib/model/monograph-search";

export const metadata: Metadata = { title: "Search the health library", robots: { index: false } };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

/** Search results rendered on the server: works with JavaScript off. */
export default async function HealthSearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, MAX_QUERY_LENGTH) ?? "";
  const results = query.trim() ? searchMonographs(query) : [];
  const categories = results.length === 0 ? await getCachedCategories() : [];
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/health">Health library</Link> <span aria-hidden="true">&gt;</span> Search
      </nav>
      <h1 className="text-3xl font-bold text-leaf-900">{query.trim() ? `Results for “${query.trim()}”` : "Search the health library"}</h1>
      <form action="/health/search" method="get" role="search" aria-label="Health library" className="mt-4 flex flex-wrap gap-2">
        <label htmlFor="search-query" className="sr-only">
          Search the health library
        </label>
        <input
          id="search-query"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={MAX_QUERY_LENGTH}
          className="min-w-0 flex-1 rounded-md border border-gray-400 bg-white px-3 py-2"
        />
        <button type="submit" className="rounded-md bg-leaf-800 px-4 py-2 font-semibold text-white hover:bg-leaf-900">
          Search
        </button>
      </form>
      <div className="mt-6">
        {results.length > 0 ? (
          <>
            <p className="mb-4 text-sm text-muted" role="status">
              {results.length} {results.length === 1 ? "monograph matches" : "monographs match"}.
            </p>
            <SearchResultList results={results} />
          </>
        ) : (
          <>
            <p role="status">{query.trim() ? "No monographs match that search." : "Type a word above to search."} Browse by category instead:</p>
            <ul className="mt-3 list-disc pl-6">
              {categories.map((category) => (
                <li key={category.slug}>
                  <Link href={`/health#${category.slug}`}>{category.name}</Link> ({category.count})
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  );
}
