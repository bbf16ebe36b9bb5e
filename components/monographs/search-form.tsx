import Link from "next/link";
import { MAX_QUERY_LENGTH } from "@/lib/model/monograph-search";

/**
 * Where every search form sends its GET: the page that renders results on the server,
 * for a browser without JavaScript (or before the page's scripts have loaded). With
 * scripts, each form's submit handler goes to the prerendered /health/search instead,
 * which fetches its results. A form's own address, not a rewrite: a rewrite in
 * next.config.js was measured at 70–90 µs of CPU on every request to every page.
 */
export const SERVER_SEARCH_PATH = "/health/search/results";

/** The address of a search on the prerendered page (its results are fetched in the browser). */
export const searchPageHref = (query: string) => `/health/search?q=${encodeURIComponent(query)}`;

/** The end of every search form. */
export function SearchSubmit() {
  return (
    <button type="submit" className="rounded-md bg-leaf-800 px-4 py-2 font-semibold text-white hover:bg-leaf-900">
      Search
    </button>
  );
}

type Props = { defaultValue: string; onSubmit?: (event: React.FormEvent<HTMLFormElement>) => void };

/** The search pages' form: without JavaScript a GET to the server-rendered results; with it, `onSubmit` takes over. */
export function SearchForm({ defaultValue, onSubmit }: Props) {
  return (
    <form action={SERVER_SEARCH_PATH} method="get" role="search" aria-label="Health library" onSubmit={onSubmit} className="mt-4 flex flex-wrap gap-2">
      <label htmlFor="search-query" className="sr-only">
        Search the health library
      </label>
      <input
        id="search-query"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={MAX_QUERY_LENGTH}
        className="min-w-0 flex-1 rounded-md border border-gray-400 bg-white px-3 py-2"
      />
      <SearchSubmit />
    </form>
  );
}

export type CategoryCount = { slug: string; name: string; count: number };

/** What the search page shows when nothing matches (or nothing was asked): the categories to browse. */
export function BrowseCategories({ message, categories }: { message: string; categories: CategoryCount[] }) {
  return (
    <>
      <p role="status">{message} Browse by category instead:</p>
      <ul className="mt-3 list-disc pl-6">
        {categories.map((category) => (
          <li key={category.slug}>
            <Link href={`/health#${category.slug}`}>{category.name}</Link> ({category.count})
          </li>
        ))}
      </ul>
    </>
  );
}

export const searchHeading = (query: string) => (query.trim() ? `Results for “${query.trim()}”` : "Search the health library");
