import Link from "next/link";
import type { MonographSearchHit } from "@/db/queries/monograph-search";

/** Results with their matching words highlighted (React escapes every segment). */
export function SearchResultList({ results }: { results: MonographSearchHit[] }) {
  return (
    <ol className="space-y-4">
      {results.map((hit) => (
        <li key={hit.slug}>
          <Link href={`/health/${hit.slug}`} className="text-lg font-semibold">
            {hit.title}
          </Link>
          <span className="ml-2 text-sm text-muted">{hit.categoryName}</span>
          <p className="text-sm">
            {hit.snippet.map((segment, index) =>
              segment.hit ? (
                <mark key={index} className="bg-amber-100 px-0.5">
                  {segment.text}
                </mark>
              ) : (
                <span key={index}>{segment.text}</span>
              ),
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
