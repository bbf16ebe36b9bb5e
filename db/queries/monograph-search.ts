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

// `rank` is bm25 weighted toward title and synonyms (set in the FTS migration). The best
// ids are picked first; only those rows are then read in full, for their snippets.
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
      select rowid as id, rank from monographs_fts where monographs_fts match ${match} order by rank limit ${limit}
    )
    select m.slug, m.title, c.slug as category, c.name as categoryName, m.summary,
      f.summary || ' ' || f.body as text, f.synonyms, f.terms
    from best
    join monographs_fts f on f.rowid = best.id
    join monographs m on m.id = best.id
    join monograph_categories c on c.id = m.category_id
    order by best.rank`);
  return rows.map(({ text, synonyms, terms, ...hit }) => {
    // Show the passage that explains the match: the text, else the synonym or term that matched.
    const candidates = [text, synonyms && `Also listed as: ${synonyms}`, terms && `Related terms: ${terms}`].filter(Boolean);
    const snippets = candidates.map((candidate) => buildSnippet(candidate, tokens));
    return { ...hit, snippet: snippets.find((segments) => segments.some((segment) => segment.hit)) ?? snippets[0]! };
  });
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
