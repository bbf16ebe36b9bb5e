import { type NextRequest } from "next/server";
import { searchMonographs } from "@/db/queries/monograph-search";
import { MAX_QUERY_LENGTH } from "@/lib/model/monograph-search";

/**
 * GET /api/monographs/search?q=&limit= — the search-as-you-type endpoint and the search
 * page's results. Public data, so an
 * answer may be reused for a few seconds (retyping a word, going back), but no longer:
 * a monograph staff unpublish must leave the results at once, not minutes later.
 */
export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const query = (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  // Ten under the search box as you type; up to twenty on the search page.
  const limit = Math.min(Math.max(Math.floor(Number(params.get("limit"))) || 10, 1), 20);
  const results = searchMonographs(query, limit);
  return Response.json(
    { query, results },
    { headers: { "Cache-Control": "public, max-age=10" } },
  );
}
