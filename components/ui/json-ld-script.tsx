/**
 * JSON for a <script type="application/ld+json"> body. `<` is escaped as \u003c, so
 * stored text can never close the script element, and the JSON still parses the same.
 */
export function serializeJsonLd(data: unknown) {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

/** Structured data for search engines; a data block, never executed, so the CSP does not apply. */
export function JsonLdScript({ data }: { data: unknown }) {
  return <script type="application/ld+json">{serializeJsonLd(data)}</script>;
}
