import Link from "next/link";
import { MAX_QUERY_LENGTH } from "@/lib/model/monograph-search";

/**
 * Marks a search form's GET as sent without JavaScript: inside <noscript> the browser
 * makes the field part of the form only when scripts are off. next.config.js sends such a
 * search to the page that renders results on the server (/health/search/results); with
 * scripts on, the prerendered /health/search page fetches them.
 */
function NoScriptSearchField() {
  return (
    <noscript>
      <input type="hidden" name="nojs" value="1" />
    </noscript>
  );
}

/** The end of every search form: the no-JavaScript mark and the button. */
export function SearchSubmit() {
  return (
    <>
      <NoScriptSearchField />
      <button type="submit" className="rounded-md bg-leaf-800 px-4 py-2 font-semibold text-white hover:bg-leaf-900">
        Search
      </button>
    </>
  );
}

type Props = { defaultValue: string; onSubmit?: (event: React.FormEvent<HTMLFormElement>) => void };

/** The search page's form: a GET to /health/search, with or without JavaScript. */
export function SearchForm({ defaultValue, onSubmit }: Props) {
  return (
    <form action="/health/search" method="get" role="search" aria-label="Health library" onSubmit={onSubmit} className="mt-4 flex flex-wrap gap-2">
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
