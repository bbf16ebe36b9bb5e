import Link from "next/link";
import { MarkdownTree } from "@/components/site/markdown-tree";
import type { PublicMonograph } from "@/lib/monographs/cached";
import { monographSectionKeys, sectionHeadings } from "@/lib/model/monographs";
import { MonographDisclaimer } from "./disclaimer";
import { EvidenceTable } from "./evidence-table";
import { ReferenceList } from "./reference-list";

type Props = {
  monograph: PublicMonograph;
  /** Lowercased monograph names → slug, to link related terms that have a page of their own. */
  names: Record<string, string>;
};

export function formatReviewDate(day: string) {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

/** A monograph's content, shared by its page and its print view. */
export function MonographArticle({ monograph, names }: Props) {
  // The evidence table lives in Theory / Evidence, which shows whenever either has content.
  const sections = monographSectionKeys.filter(
    (key) => monograph.sections[key] || (key === "theoryEvidence" && monograph.evidence.length > 0),
  );
  return (
    <article>
      <h1 className="text-3xl font-bold text-leaf-900">{monograph.title}</h1>
      {monograph.alsoListedAs.length > 0 && (
        <p className="mt-2">
          <span className="font-semibold">Also listed as:</span> {monograph.alsoListedAs.join(", ")}
        </p>
      )}
      {monograph.summary && <p className="mt-4 max-w-prose text-lg">{monograph.summary}</p>}

      {monograph.relatedTerms.length > 0 && (
        <section aria-labelledby="related-terms" className="mt-6">
          <h2 id="related-terms" className="text-xl font-bold text-leaf-900">
            Related terms
          </h2>
          <ul className="term-chips mt-2">
            {monograph.relatedTerms.map((term) => {
              const slug = names[term.toLowerCase()];
              return (
                <li key={term}>
                  {slug && slug !== monograph.slug ? <Link href={`/health/${slug}`}>{term}</Link> : term}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {sections.map((key) => (
        <section key={key} aria-labelledby={`section-${key}`} className="mt-8">
          <h2 id={`section-${key}`} className="mb-3 text-xl font-bold text-leaf-900">
            {sectionHeadings[key]}
          </h2>
          <MarkdownTree tree={monograph.trees[key]} />
          {key === "theoryEvidence" && monograph.evidence.length > 0 && (
            <div className="mt-6">
              <h3 className="mb-2 text-lg font-bold">Evidence by condition</h3>
              <EvidenceTable rows={monograph.evidence} />
            </div>
          )}
        </section>
      ))}

      {monograph.references.length > 0 && (
        <section aria-labelledby="references" className="mt-8">
          <h2 id="references" className="mb-3 text-xl font-bold text-leaf-900">
            References
          </h2>
          <ReferenceList references={monograph.references} />
        </section>
      )}

      {monograph.reviewedAt && (
        <p className="mt-8 text-sm text-muted">
          Last reviewed <time dateTime={monograph.reviewedAt}>{formatReviewDate(monograph.reviewedAt)}</time>
          {monograph.reviewer ? ` by the ${monograph.reviewer.replace(/^the /i, "")}` : ""}.
        </p>
      )}
      <MonographDisclaimer />
    </article>
  );
}
