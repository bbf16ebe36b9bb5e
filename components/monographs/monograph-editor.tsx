"use client";

import { useActionState, useState } from "react";
import { MarkdownContent } from "@/components/site/markdown";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { RowList } from "@/components/ui/row-list";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { saveMonographAction } from "@/lib/actions/monographs";
import { monographCategoryList } from "@/lib/model/monographs";
import { monographSectionKeys, sectionHeadings } from "@/lib/model/monographs";
import type { MonographInput } from "@/lib/validations/monographs";

type Editable = MonographInput & { id?: number };
type Evidence = { condition: string; grade: string; note: string };
type Reference = { authors: string; title: string; journal: string; year: string; volumePages: string; pmid: string; doi: string };

const blankEvidence: Evidence = { condition: "", grade: "", note: "" };
const blankReference: Reference = { authors: "", title: "", journal: "", year: "", volumePages: "", pmid: "", doi: "" };

/** Rows as the person last submitted them (a rejected save keeps its input), else as stored. */
function rowsFrom<T extends Record<string, string>>(values: Record<string, string> | undefined, prefix: string, blank: T, stored: T[]): T[] {
  if (!values) return stored;
  const rows: T[] = [];
  for (const [name, value] of Object.entries(values)) {
    const match = new RegExp(`^${prefix}\\.(\\d+)\\.(\\w+)$`).exec(name);
    if (!match) continue;
    const index = Number(match[1]);
    rows[index] ??= { ...blank };
    (rows[index] as Record<string, string>)[match[2]!] = value;
  }
  return rows.filter((row) => row && Object.values(row).some((field) => field.trim()));
}

const selectClass = "mt-1 block w-full rounded-md border border-gray-400 bg-white px-3 py-2";

export function MonographEditor({ action, monograph }: { action: typeof saveMonographAction; monograph: Editable }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const values = failed?.values;
  const errors = failed?.fieldErrors ?? {};
  const formKey = useFormKey(result);
  const shown = (name: string, stored: string) => values?.[name] ?? stored;
  const [sections, setSections] = useState(monograph.sections);

  const evidenceRows = rowsFrom<Evidence>(values, "evidence", blankEvidence, monograph.evidence.map((row) => ({ ...row })));
  const referenceRows = rowsFrom<Reference>(
    values,
    "references",
    blankReference,
    monograph.references.map((reference) => ({
      authors: reference.authors,
      title: reference.title,
      journal: reference.journal,
      year: String(reference.year),
      volumePages: reference.volumePages ?? "",
      pmid: reference.pmid ?? "",
      doi: reference.doi ?? "",
    })),
  );

  return (
    <form key={formKey} action={formAction} className="mt-6 space-y-6">
      <FormMessage result={result} />
      {monograph.id !== undefined && <input type="hidden" name="id" value={monograph.id} />}
      <div className="grid gap-5 md:grid-cols-2">
        <Field label="Title" name="title" required maxLength={150} defaultValue={shown("title", monograph.title)} errors={errors.title} />
        <Field
          label="Address (slug)"
          name="slug"
          required
          maxLength={100}
          hint="Lowercase words joined by hyphens; the page lives at /health/<slug>."
          defaultValue={shown("slug", monograph.slug)}
          errors={errors.slug}
        />
        <div>
          <label htmlFor="monograph-category" className="block font-semibold">
            Category
          </label>
          <select id="monograph-category" name="category" defaultValue={shown("category", monograph.category)} className={selectClass}>
            {monographCategoryList.map((category) => (
              <option key={category.slug} value={category.slug}>
                {category.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="monograph-status" className="block font-semibold">
            Status
          </label>
          <select id="monograph-status" name="status" defaultValue={shown("status", monograph.status)} className={selectClass}>
            <option value="draft">Draft (not on the site)</option>
            <option value="published">Published</option>
          </select>
        </div>
        <Field label="Reviewed on" name="reviewedAt" type="date" defaultValue={shown("reviewedAt", monograph.reviewedAt ?? "")} errors={errors.reviewedAt} />
        <Field label="Reviewed by" name="reviewer" maxLength={150} defaultValue={shown("reviewer", monograph.reviewer ?? "")} errors={errors.reviewer} />
      </div>
      <Field label="Summary" name="summary" multiline rows={3} maxLength={500} defaultValue={shown("summary", monograph.summary)} errors={errors.summary} />
      <div className="grid gap-5 md:grid-cols-2">
        <Field
          label="Also listed as"
          name="alsoListedAs"
          multiline
          rows={4}
          hint="One synonym per line."
          defaultValue={shown("alsoListedAs", monograph.alsoListedAs.join("\n"))}
          errors={errors.alsoListedAs}
        />
        <Field
          label="Related terms"
          name="relatedTerms"
          multiline
          rows={4}
          hint="One term per line; terms that name another monograph become links."
          defaultValue={shown("relatedTerms", monograph.relatedTerms.join("\n"))}
          errors={errors.relatedTerms}
        />
      </div>

      {monographSectionKeys.map((key) => (
        <div key={key} className="grid gap-4 xl:grid-cols-2">
          <Field
            label={sectionHeadings[key]}
            name={`sections.${key}`}
            multiline
            rows={10}
            className="font-mono"
            hint="Markdown; cite references as [1], [2]."
            defaultValue={shown(`sections.${key}`, sections[key])}
            onChange={(event) => {
              const text = event.currentTarget.value;
              setSections((current) => ({ ...current, [key]: text }));
            }}
            errors={errors[`sections.${key}`]}
          />
          <section aria-label={`${sectionHeadings[key]} preview`} className="rounded-lg border border-leaf-100 bg-white p-4">
            <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Preview</p>
            <MarkdownContent source={sections[key]} />
          </section>
        </div>
      ))}

      <RowList
        legend="Evidence by condition"
        addLabel="Add an evidence row"
        initialRows={evidenceRows}
        blankRow={blankEvidence}
        renderRow={(row, index) => (
          <div className="grid gap-3 md:grid-cols-[2fr_6rem_3fr]">
            <Field label="Condition" name={`evidence.${index}.condition`} defaultValue={row.condition} errors={errors[`evidence.${index}.condition`]} />
            <div>
              <label htmlFor={`evidence-grade-${index}`} className="block font-semibold">
                Grade
              </label>
              <select id={`evidence-grade-${index}`} name={`evidence.${index}.grade`} defaultValue={row.grade} className={selectClass}>
                <option value="">–</option>
                {["A", "B", "C", "D", "F"].map((grade) => (
                  <option key={grade}>{grade}</option>
                ))}
              </select>
              {errors[`evidence.${index}.grade`] && <p className="text-sm font-semibold text-red-800">{errors[`evidence.${index}.grade`]!.join(" ")}</p>}
            </div>
            <Field label="What the studies show" name={`evidence.${index}.note`} defaultValue={row.note} errors={errors[`evidence.${index}.note`]} />
          </div>
        )}
      />

      <RowList
        legend="References"
        addLabel="Add a reference"
        initialRows={referenceRows}
        blankRow={blankReference}
        renderRow={(row, index) => (
          <div className="grid gap-3 md:grid-cols-2">
            <Field label={`Reference ${index + 1}: authors`} name={`references.${index}.authors`} defaultValue={row.authors} errors={errors[`references.${index}.authors`]} />
            <Field label="Title" name={`references.${index}.title`} defaultValue={row.title} errors={errors[`references.${index}.title`]} />
            <Field label="Journal" name={`references.${index}.journal`} defaultValue={row.journal} errors={errors[`references.${index}.journal`]} />
            <Field label="Year" name={`references.${index}.year`} inputMode="numeric" defaultValue={row.year} errors={errors[`references.${index}.year`]} />
            <Field label="Volume and pages" name={`references.${index}.volumePages`} defaultValue={row.volumePages} errors={errors[`references.${index}.volumePages`]} />
            <Field label="PubMed ID" name={`references.${index}.pmid`} inputMode="numeric" defaultValue={row.pmid} errors={errors[`references.${index}.pmid`]} />
            <Field label="DOI" name={`references.${index}.doi`} defaultValue={row.doi} errors={errors[`references.${index}.doi`]} />
          </div>
        )}
      />

      <SubmitButton pendingLabel="Saving…">{monograph.id === undefined ? "Create monograph" : "Save monograph"}</SubmitButton>
    </form>
  );
}
