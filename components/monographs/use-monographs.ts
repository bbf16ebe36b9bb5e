"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { MonographSearchHit } from "@/db/queries/monograph-search";

export type MonographSearchResponse = { query: string; results: MonographSearchHit[] };

function useDebounced<T>(value: T, delayMs: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * Search-as-you-type: waits for a pause in typing, then asks the search endpoint. A
 * request for text that has since changed is aborted (React Query passes the signal).
 */
export function useMonographSearch(query: string) {
  const debounced = useDebounced(query.trim(), 200);
  return useQuery({
    queryKey: ["monographs", "search", debounced],
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<MonographSearchResponse> => {
      const response = await fetch(`/api/monographs/search?q=${encodeURIComponent(debounced)}`, { signal });
      if (!response.ok) throw new Error(`Search answered ${response.status}`);
      return response.json();
    },
  });
}
