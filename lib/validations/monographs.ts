import "./zod-config";
import { z } from "zod";
import { evidenceGrades, monographStatuses } from "@/lib/model/monographs";
import { monographCategorySlugs } from "@/lib/model/monographs";
import { monographSectionKeys, type MonographSectionKey } from "@/lib/model/monographs";
import { day, line, optionalText, rowId, text } from "./fields";
import { linesOf, nestFormFields, withoutBlankRows } from "./form-fields";


/** YAML turns 2026-03-14 into a Date; the portal keeps review dates as ISO day strings, real days only like every date field. */
const isoDay = z.preprocess((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value === "" ? undefined : value), day.optional());

export const evidenceRowSchema = z.object({
  condition: line(200),
  grade: z.enum(evidenceGrades, { error: "Grade must be one of A, B, C, D or F." }),
  note: text(400).default(""),
});

export const referenceSchema = z
  .object({
    authors: line(600),
    title: line(600),
    journal: line(200),
    year: z.coerce.number({ error: "Give the year as a number." }).int().min(1800, { error: "Give a year after 1800." }).max(2100),
    volumePages: optionalText(100),
    pmid: z.preprocess(
      (value) => (value === "" || value === null ? undefined : typeof value === "number" ? String(value) : value),
      z.string().regex(/^\d{1,9}$/, { error: "A PubMed ID is digits only." }).optional(),
    ),
    doi: z.preprocess(
      (value) => (value === "" || value === null ? undefined : value),
      z.string().trim().regex(/^10\.\d{4,9}\/\S+$/, { error: "A DOI looks like 10.1000/xyz123." }).optional(),
    ),
  });


/** The most evidence and reference rows one monograph takes. */
export const monographRowLimits = { evidence: 40, references: 80 } as const;

/** One monograph as files, the importer and the staff editor describe it. */
export const monographSchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "Use lowercase words joined by hyphens, e.g. st-johns-wort." })
    .max(100),
  title: line(150),
  category: z.enum(monographCategorySlugs, { error: `Category must be one of: ${monographCategorySlugs.join(", ")}.` }),
  alsoListedAs: z.array(line(150)).max(20).default([]),
  relatedTerms: z.array(line(150)).max(40).default([]),
  summary: text(500).default(""),
  sections: z.object(Object.fromEntries(monographSectionKeys.map((key) => [key, text(30_000).default("")])) as Record<MonographSectionKey, z.ZodDefault<z.ZodString>>),
  evidence: z.array(evidenceRowSchema).max(monographRowLimits.evidence).default([]),
  references: z.array(referenceSchema).max(monographRowLimits.references).default([]),
  reviewedAt: isoDay,
  reviewer: optionalText(150),
  status: z.enum(monographStatuses, { error: "Status must be draft or published." }).default("draft"),
});

export type MonographInput = z.output<typeof monographSchema>;

/**
 * The staff editor's form: one line per synonym or term, evidence and reference rows as
 * `evidence.N.field` / `references.N.field`, sections as `sections.key`; `id` when editing.
 */
export const monographFormSchema = z.preprocess(
  (value) => {
    // Index N is the (N+1)th row: nesting up to the largest limit itself lets a form one
    // row too long reach the schema's own `max` and be refused, rather than lose a row.
    const nested = nestFormFields(value as Record<string, unknown>, { maxIndex: Math.max(...Object.values(monographRowLimits)) });
    return {
      ...nested,
      alsoListedAs: linesOf(nested.alsoListedAs),
      relatedTerms: linesOf(nested.relatedTerms),
      evidence: withoutBlankRows(nested.evidence ?? []),
      references: withoutBlankRows(nested.references ?? []),
    };
  },
  monographSchema.extend({ id: rowId.optional() }),
);

export const monographIdSchema = z.object({ id: rowId });
export const monographStatusChangeSchema = monographIdSchema.extend({ status: z.enum(monographStatuses) });
export const monographDeleteSchema = monographIdSchema.extend({
  confirm: z.literal("yes", { error: "Tick the box to confirm the deletion." }),
});
