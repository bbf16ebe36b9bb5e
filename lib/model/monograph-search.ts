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

/** A rough stem (tendons → tendon, injections → injection), close to what the index's Porter stemmer matches. */
function stem(word: string) {
  return word.replace(/(ies|es|s|ed|ing|ly)$/, "") || word;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A short passage of `text` around the first word that matches the query, split into
 * plain and highlighted runs. Built here rather than by FTS5's snippet(), which would
 * re-run the match for every result; React escapes each run when it renders.
 */
export function buildSnippet(text: string, tokens: string[], length = 24): SnippetSegment[] {
  const stems = tokens.map(stem);
  const isHit = (word: string) => {
    const plain = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
    return plain.length > 0 && stems.some((token) => plain.startsWith(token) || stem(plain) === token);
  };
  // Only the neighbourhood of the first match is split into words: results stay cheap
  // however long the monograph is.
  const first = stems.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.map(escapeRegExp).join("|")})`, "iu").exec(text) : null;
  const from = first ? Math.max(0, text.lastIndexOf(" ", Math.max(0, first.index - 60)) + 1) : 0;
  const words = text.slice(from, from + length * 14).split(/\s+/).filter(Boolean).slice(0, length);
  const segments: SnippetSegment[] = [];
  const push = (segment: SnippetSegment) => {
    const last = segments.at(-1);
    if (last && last.hit === segment.hit) last.text += segment.text;
    else segments.push(segment);
  };
  if (from > 0) push({ text: "… ", hit: false });
  words.forEach((word, index) => {
    if (index > 0) push({ text: " ", hit: false });
    push({ text: word, hit: isHit(word) });
  });
  if (from + words.join(" ").length < text.trimEnd().length) push({ text: " …", hit: false });
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
