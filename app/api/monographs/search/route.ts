import { type NextRequest } from "next/server";
import { searchMonographs } from "@/db/queries/monograph-search";
import { MAX_QUERY_LENGTH } from "@/lib/model/monograph-search";

/**
 * GET /api/monographs/search?q= — the search-as-you-type endpoint. Public data, so an
 * answer may be reused for a few seconds (retyping a word, going back), but no longer:
 * a monograph staff unpublish must leave the results at once, not minutes later.
 */
export function GET(request: NextRequest) {
  const query = (request.nextUrl.searchParams.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const results = searchMonographs(query, 10);
  return Response.json(
    { query, results },
    { headers: { "Cache-Control": "public, max-age=10" } },
  );
}
