import "server-only";
import { sql } from "drizzle-orm";
import { buildSnippet, markdownToPlainText, queryTokens, toMatchExpression, type SnippetSegment } from "@/lib/monographs/search-query";
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

// `rank` is bm25 weighted toward title and synonyms (set in the FTS migration). The best
// ids are picked first; only those rows are then read in full, for their snippets.
function runSearch(match: string, tokens: string[], limit: number): MonographSearchHit[] {
  const rows = db.all<{ slug: string; title: string; category: string; categoryName: string; summary: string; text: string }>(sql`
    with best as (
      select rowid as id, rank from monographs_fts where monographs_fts match ${match} order by rank limit ${limit}
    )
    select m.slug, m.title, c.slug as category, c.name as categoryName, m.summary,
      (select f.summary || ' ' || f.body from monographs_fts f where f.rowid = best.id) as text
    from best
    join monographs m on m.id = best.id
    join monograph_categories c on c.id = m.category_id
    order by best.rank`);
  return rows.map(({ text, ...hit }) => ({ ...hit, snippet: buildSnippet(text, tokens) }));
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
