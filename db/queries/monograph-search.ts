import "server-only";
import { sql } from "drizzle-orm";
import { markdownToPlainText, snippetSegments, toMatchExpression, type SnippetSegment } from "@/lib/monographs/search-query";
import { db } from "../index";
import type { Executor } from "./executor";

// bm25 weights per column of monographs_fts: title, synonyms, terms, summary, body.
const RANK = sql.raw("bm25(monographs_fts, 10.0, 8.0, 4.0, 2.0, 1.0)");

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

function runSearch(match: string, limit: number): MonographSearchHit[] {
  const rows = db.all<{ slug: string; title: string; category: string; categoryName: string; summary: string; snippet: string }>(sql`
    select m.slug, m.title, c.slug as category, c.name as categoryName, m.summary,
      snippet(monographs_fts, -1, char(1), char(2), '…', 14) as snippet
    from monographs_fts
    join monographs m on m.id = monographs_fts.rowid
    join monograph_categories c on c.id = m.category_id
    where monographs_fts match ${match}
    order by ${RANK}
    limit ${limit}`);
  return rows.map(({ snippet, ...hit }) => ({ ...hit, snippet: snippetSegments(snippet) }));
}

/**
 * Full-text search of published monographs, best first. Every word must match; when
 * none does, any word may. Hostile input (FTS syntax, quotes, SQL, kilobytes of junk)
 * is reduced to plain words first, so it finds something or nothing, never an error.
 */
export function searchMonographs(query: string, limit = 20): MonographSearchHit[] {
  const all = toMatchExpression(query, "all");
  if (!all) return [];
  const hits = runSearch(all, limit);
  if (hits.length > 0) return hits;
  const any = toMatchExpression(query, "any");
  return any && any !== all ? runSearch(any, limit) : [];
}
