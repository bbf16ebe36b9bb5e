import { serializeJsonLd } from "@/lib/monographs/json-ld";

/** Structured data for search engines; a data block, never executed, so the CSP does not apply. */
export function JsonLdScript({ data }: { data: unknown }) {
  return <script type="application/ld+json">{serializeJsonLd(data)}</script>;
}
