import type { PublicMonograph } from "@/lib/monographs/cached";

/** schema.org MedicalWebPage for a monograph, for search engines. */
export function monographJsonLd(monograph: PublicMonograph, url: string) {
  return {
    "@context": "https://schema.org",
    "@type": "MedicalWebPage",
    name: monograph.title,
    url,
    description: monograph.summary || undefined,
    about: { "@type": "Thing", name: monograph.title, alternateName: monograph.alsoListedAs.length ? monograph.alsoListedAs : undefined },
    lastReviewed: monograph.reviewedAt,
    audience: { "@type": "PeopleAudience", audienceType: "Patient" },
    citation: monograph.references.map((reference) => ({
      "@type": "ScholarlyArticle",
      name: reference.title,
      author: reference.authors,
      datePublished: String(reference.year),
      isPartOf: reference.journal,
      ...(reference.pmid && { url: `https://pubmed.ncbi.nlm.nih.gov/${reference.pmid}/` }),
      ...(reference.doi && { sameAs: `https://doi.org/${reference.doi}` }),
    })),
  };
}
