"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { MAX_QUERY_LENGTH } from "@/lib/model/monograph-search";
import { searchPageHref, SERVER_SEARCH_PATH, SearchSubmit } from "./search-form";
import { SearchResultList } from "./search-result-list";
import { useMonographSearch } from "./use-monographs";

/**
 * The library's search box. Without JavaScript it is a plain form to the server-rendered
 * results; with it, results appear under the box as you type, and Search opens the
 * prerendered search page.
 */
export function LiveSearch() {
  const [query, setQuery] = useState("");
  const id = useId();
  const router = useRouter();
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    router.push(searchPageHref(query));
  };
  const search = useMonographSearch(query);
  const showResults = query.trim().length >= 2 && search.data;
  return (
    <div>
      <form action={SERVER_SEARCH_PATH} method="get" onSubmit={submit} role="search" aria-label="Health library" className="flex flex-wrap gap-2">
        <label htmlFor={id} className="sr-only">
          Search the health library
        </label>
        <input
          id={id}
          name="q"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          placeholder="Search herbs, therapies, conditions…"
          autoComplete="off"
          maxLength={MAX_QUERY_LENGTH}
          aria-controls={`${id}-results`}
          className="min-w-0 flex-1 rounded-md border border-gray-400 bg-white px-3 py-2"
        />
        <SearchSubmit />
      </form>
      <div id={`${id}-results`} aria-live="polite" className="mt-4">
        {showResults &&
          (search.data.results.length > 0 ? (
            <SearchResultList results={search.data.results} />
          ) : (
            <p>No monographs match “{search.data.query}”. Try another word, or browse the categories below.</p>
          ))}
        {search.isError && <p role="alert">Search is not answering just now; press Search to try the full results page.</p>}
      </div>
    </div>
  );
}
