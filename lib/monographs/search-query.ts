/** Longest query text considered; anything beyond is ignored, not an error. */
export const MAX_QUERY_LENGTH = 200;
const MAX_TOKENS = 12;

/** Words of a query: letters and digits only, lowercased, so nothing reaches MATCH as syntax. */
export function queryTokens(input: string): string[] {
  return (input.slice(0, MAX_QUERY_LENGTH).normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TOKENS);
}

/**
 * An FTS5 MATCH expression from what a person typed: every word quoted (so `NEAR(`,
 * `title:`, `AND`, `*` or `"` are plain words), the last one a prefix for
 * search-as-you-type once it has two characters. Null when nothing searchable is left.
 */
export function toMatchExpression(input: string, mode: "all" | "any"): string | null {
  const tokens = queryTokens(input);
  if (tokens.length === 0) return null;
  const quoted = tokens.map((token, index) =>
    index === tokens.length - 1 && token.length >= 2 ? `"${token}"*` : `"${token}"`,
  );
  return quoted.join(mode === "all" ? " " : " OR ");
}

export type SnippetSegment = { text: string; hit: boolean };

/** Splits an FTS5 snippet marked with \u0001…\u0002 into plain and highlighted runs. */
export function snippetSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  for (const [index, part] of marked.split(/\u0001|\u0002/).entries()) {
    if (part) segments.push({ text: part, hit: index % 2 === 1 });
  }
  return segments;
}

/** Markdown reduced to words for the search index and its snippets. */
export function markdownToPlainText(markdown: string) {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#*_`>|~]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
