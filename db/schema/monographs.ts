import { type InferSelectModel, sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { evidenceGrades, monographStatuses, termKinds } from "@/lib/model/monographs";
import { users } from "./users";

/** The library's table of contents: Alternative Modalities, Herbs & Supplements, … */
export const monographCategories = sqliteTable("monograph_categories", {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(""),
  sortOrder: integer().notNull().default(0),
});

export type MonographCategory = InferSelectModel<typeof monographCategories>;

/** One health monograph; its body sections are Markdown. */
export const monographs = sqliteTable(
  "monographs",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    slug: text().notNull().unique(),
    title: text().notNull(),
    categoryId: integer()
      .notNull()
      .references(() => monographCategories.id, { onDelete: "restrict" }),
    summary: text().notNull().default(""),
    background: text().notNull().default(""),
    theoryEvidence: text().notNull().default(""),
    safety: text().notNull().default(""),
    practiceDosing: text().notNull().default(""),
    authorInformation: text().notNull().default(""),
    /** ISO date (YYYY-MM-DD) of the last editorial review. */
    reviewedAt: text(),
    reviewer: text(),
    status: text({ enum: monographStatuses }).notNull().default("draft"),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    updatedAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    updatedBy: text().references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [
    index("monographs_category_idx").on(table.categoryId, table.status),
    check("monographs_status_check", sql`${table.status} in ('draft', 'published')`),
  ],
);

export type Monograph = InferSelectModel<typeof monographs>;

/** "Also listed as" synonyms and related terms, in the order editors gave them. */
export const monographTerms = sqliteTable(
  "monograph_terms",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    monographId: integer()
      .notNull()
      .references(() => monographs.id, { onDelete: "cascade" }),
    kind: text({ enum: termKinds }).notNull(),
    term: text().notNull(),
    position: integer().notNull(),
  },
  (table) => [
    uniqueIndex("monograph_terms_unique_idx").on(table.monographId, table.kind, table.position),
    index("monograph_terms_term_idx").on(table.term),
    check("monograph_terms_kind_check", sql`${table.kind} in ('synonym', 'related')`),
  ],
);

/** One row of a monograph's evidence table: a condition and its grade. */
export const monographEvidence = sqliteTable(
  "monograph_evidence",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    monographId: integer()
      .notNull()
      .references(() => monographs.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    condition: text().notNull(),
    grade: text({ enum: evidenceGrades }).notNull(),
    note: text().notNull().default(""),
  },
  (table) => [
    uniqueIndex("monograph_evidence_position_idx").on(table.monographId, table.position),
    check("monograph_evidence_grade_check", sql`${table.grade} in ('A', 'B', 'C', 'D', 'F')`),
  ],
);

/** Numbered references; `position` is the number the text cites ([1], [2]…). */
export const monographReferences = sqliteTable(
  "monograph_references",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    monographId: integer()
      .notNull()
      .references(() => monographs.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    authors: text().notNull(),
    title: text().notNull(),
    journal: text().notNull(),
    year: integer().notNull(),
    volumePages: text(),
    pmid: text(),
    doi: text(),
  },
  (table) => [uniqueIndex("monograph_references_position_idx").on(table.monographId, table.position)],
);
