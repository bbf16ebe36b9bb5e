import "server-only";
import { sql } from "drizzle-orm";
import { buildSnippet, markdownToPlainText, queryTokens, toMatchExpression, type SnippetSegment } from "@/lib/model/monograph-search";
import { db } from "../index";
import type { Executor } from "./executor";

/**
 * Rewrites a monograph's search row from its stored data, inside the caller's
 * transaction; drafts and deleted monographs have no row, so search never shows them.
 */
export function syncMonographSearch(executor: Executor, monographId: number) {
  executor.run(sql`delete from monographs_fts where rowid = ${monographId}`);
  const row = executor.get<{
    title: string;
    summary: string;
    status: string;
    body: string;
    synonyms: string | null;
    terms: string | null;
  }>(sql`
    select m.title, m.summary, m.status,
      m.background || ' ' || m.theory_evidence || ' ' || m.safety || ' ' || m.practice_dosing as body,
      (select group_concat(term, ' ; ') from monograph_terms where monograph_id = m.id and kind = 'synonym') as synonyms,
      (select group_concat(term, ' ; ') from monograph_terms where monograph_id = m.id and kind = 'related') as terms
    from monographs m where m.id = ${monographId}`);
  if (!row || row.status !== "published") return;
  executor.run(sql`insert into monographs_fts (rowid, title, synonyms, terms, summary, body)
    values (${monographId}, ${row.title}, ${row.synonyms ?? ""}, ${row.terms ?? ""}, ${row.summary}, ${markdownToPlainText(row.body)})`);
}

export type MonographSearchHit = {
  slug: string;
  title: string;
  category: string;
  categoryName: string;
  summary: string;
  snippet: SnippetSegment[];
};

// bm25 weighted toward title and synonyms: the weights follow the columns of
// monographs_fts (title, synonyms, terms, summary, body) and are the ones the FTS
// migration configured as the table's `rank`. Ordering by `rank` would make FTS5 sort
// every match in a statement of its own, without the limit, before the first row comes
// back; ordering by the bm25() call (its alias `score`) lets SQLite keep only the best
// `limit` rows as it scans. Same rows, same order, about a third less time at p95 when the
// commonest words are in every monograph (docs/performance.md).
const RANK = sql.raw("bm25(monographs_fts, 10.0, 8.0, 4.0, 2.0, 1.0)");

// The best ids are picked first; only those rows are then read in full, for their snippets.
function runSearch(match: string, tokens: string[], limit: number): MonographSearchHit[] {
  const rows = db.all<{
    slug: string;
    title: string;
    category: string;
    categoryName: string;
    summary: string;
    text: string;
    synonyms: string;
    terms: string;
  }>(sql`
    with best as (
      select rowid as id, ${RANK} as score from monographs_fts where monographs_fts match ${match} order by score limit ${limit}
    )
    select m.slug, m.title, c.slug as category, c.name as categoryName, m.summary,
      f.summary || ' ' || f.body as text, f.synonyms, f.terms
    from best
    join monographs_fts f on f.rowid = best.id
    join monographs m on m.id = best.id
    join monograph_categories c on c.id = m.category_id
    order by best.score`);
  return rows.map(({ text, synonyms, terms, ...hit }) => ({
    ...hit,
    // Show the passage that explains the match: the text, else the synonym or term that matched.
    snippet: firstSnippetWithHit([text, synonyms && `Also listed as: ${synonyms}`, terms && `Related terms: ${terms}`], tokens),
  }));
}

/** The snippet of the first candidate with a hit, else of the first; later ones are not built once one has a hit. */
function firstSnippetWithHit(candidates: string[], tokens: string[]) {
  let first: SnippetSegment[] | undefined;
  for (const candidate of candidates.filter(Boolean)) {
    const segments = buildSnippet(candidate, tokens);
    if (segments.some((segment) => segment.hit)) return segments;
    first ??= segments;
  }
  return first ?? [];
}

/**
 * Full-text search of published monographs, best first. Every word must match; when
 * none does, any word may. Hostile input (FTS syntax, quotes, SQL, kilobytes of junk)
 * is reduced to plain words first, so it finds something or nothing, never an error.
 */
export function searchMonographs(query: string, limit = 20): MonographSearchHit[] {
  const all = toMatchExpression(query, "all");
  if (!all) return [];
  const tokens = queryTokens(query);
  const hits = runSearch(all, tokens, limit);
  if (hits.length > 0) return hits;
  const any = toMatchExpression(query, "any");
  return any && any !== all ? runSearch(any, tokens, limit) : [];
}
