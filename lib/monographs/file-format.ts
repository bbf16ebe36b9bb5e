import matter from "gray-matter";
import { monographSchema, type MonographInput } from "@/lib/validations/monographs";
import { monographSectionKeys, sectionHeadings, type MonographSectionKey } from "@/lib/model/monographs";

const keyByHeading = new Map(monographSectionKeys.map((key) => [sectionHeadings[key].toLowerCase(), key]));

export type ParsedMonographFile = { ok: true; monograph: MonographInput } | { ok: false; problems: string[] };

function splitSections(body: string): { sections: Partial<Record<MonographSectionKey, string>>; problems: string[] } {
  const sections: Partial<Record<MonographSectionKey, string>> = {};
  const problems: string[] = [];
  const parts = body.split(/^##[ \t]+(.+?)[ \t]*$/m);
  if (parts[0]!.trim()) problems.push("body: text before the first ## section heading");
  for (let i = 1; i < parts.length; i += 2) {
    const heading = parts[i]!;
    const key = keyByHeading.get(heading.toLowerCase());
    if (!key) problems.push(`body: unknown section "## ${heading}" (use ${Object.values(sectionHeadings).join(", ")})`);
    else if (sections[key] !== undefined) problems.push(`body: section "## ${heading}" appears twice`);
    else sections[key] = parts[i + 1]!.trim();
  }
  return { sections, problems };
}

/** Reads one monograph file; every problem is reported as `field: what is wrong`. */
export function parseMonographFile(source: string): ParsedMonographFile {
  let data: Record<string, unknown>;
  let body: string;
  try {
    const parsed = matter(source);
    data = parsed.data;
    body = parsed.content;
  } catch (error) {
    return { ok: false, problems: [`front matter: not valid YAML (${(error as Error).message.split("\n")[0]})`] };
  }
  const { sections, problems } = splitSections(body);
  const result = monographSchema.safeParse({ ...data, sections });
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(`${issue.path.join(".") || "front matter"}: ${issue.message}`);
  }
  return problems.length || !result.success ? { ok: false, problems } : { ok: true, monograph: result.data };
}

/** Writes a monograph in the file format; parseMonographFile reads it back unchanged. */
export function serializeMonograph(monograph: MonographInput): string {
  const data: Record<string, unknown> = {
    slug: monograph.slug,
    title: monograph.title,
    category: monograph.category,
    alsoListedAs: monograph.alsoListedAs,
    relatedTerms: monograph.relatedTerms,
    summary: monograph.summary,
    ...(monograph.reviewedAt && { reviewedAt: monograph.reviewedAt }),
    ...(monograph.reviewer && { reviewer: monograph.reviewer }),
    status: monograph.status,
    evidence: monograph.evidence,
    references: monograph.references.map((reference) =>
      Object.fromEntries(Object.entries(reference).filter(([, value]) => value !== undefined)),
    ),
  };
  const body = monographSectionKeys
    .filter((key) => monograph.sections[key])
    .map((key) => `## ${sectionHeadings[key]}\n\n${monograph.sections[key]}\n`)
    .join("\n");
  return matter.stringify(`\n${body}`, data);
}
