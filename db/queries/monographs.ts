import "server-only";
import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { MonographStatus } from "@/lib/model/monographs";
import type { MonographInput } from "@/lib/validations/monographs";
import { db } from "../index";
import {
  monographCategories,
  monographEvidence,
  monographReferences,
  monographs,
  monographTerms,
} from "../schema";
import type { Executor } from "./executor";

// Reading the health library: the public pages, the staff list and editor, the export.
// Every change to a monograph is in monograph-writes.ts.

export function listCategoriesWithCounts() {
  return db
    .select({
      slug: monographCategories.slug,
      name: monographCategories.name,
      description: monographCategories.description,
      count: sql<number>`count(${monographs.id})`,
    })
    .from(monographCategories)
    .leftJoin(monographs, and(eq(monographs.categoryId, monographCategories.id), eq(monographs.status, "published")))
    .groupBy(monographCategories.id)
    .orderBy(asc(monographCategories.sortOrder))
    .all();
}

/** Published monographs for the table of contents, A–Z within the library. */
export function listPublishedMonographs() {
  return db
    .select({
      slug: monographs.slug,
      title: monographs.title,
      summary: monographs.summary,
      category: monographCategories.slug,
      reviewedAt: monographs.reviewedAt,
    })
    .from(monographs)
    .innerJoin(monographCategories, eq(monographCategories.id, monographs.categoryId))
    .where(eq(monographs.status, "published"))
    .orderBy(sql`${monographs.title} collate nocase`)
    .all();
}

/** Every name a published monograph answers to (title and synonyms), for linking related terms. */
export function listPublishedMonographNames() {
  return db
    .select({ slug: monographs.slug, name: monographs.title })
    .from(monographs)
    .where(eq(monographs.status, "published"))
    .union(
      db
        .select({ slug: monographs.slug, name: monographTerms.term })
        .from(monographTerms)
        .innerJoin(monographs, eq(monographs.id, monographTerms.monographId))
        .where(and(eq(monographTerms.kind, "synonym"), eq(monographs.status, "published"))),
    )
    .all();
}

export type MonographRecord = MonographInput & {
  id: number;
  categoryName: string;
  updatedAt: Date;
};

function loadChildren(ids: number[]) {
  const terms = db.select().from(monographTerms).where(inArray(monographTerms.monographId, ids)).orderBy(asc(monographTerms.position)).all();
  const evidence = db.select().from(monographEvidence).where(inArray(monographEvidence.monographId, ids)).orderBy(asc(monographEvidence.position)).all();
  const references = db.select().from(monographReferences).where(inArray(monographReferences.monographId, ids)).orderBy(asc(monographReferences.position)).all();
  return { terms, evidence, references };
}

/** Full monographs (with terms, evidence and references) for the given rows. */
function assemble(rows: { monograph: typeof monographs.$inferSelect; categorySlug: string; categoryName: string }[]): MonographRecord[] {
  const children = loadChildren(rows.map((row) => row.monograph.id));
  return rows.map(({ monograph, categorySlug, categoryName }) => {
    const mine = <T extends { monographId: number }>(list: T[]) => list.filter((item) => item.monographId === monograph.id);
    const terms = mine(children.terms);
    return {
      id: monograph.id,
      slug: monograph.slug,
      title: monograph.title,
      category: categorySlug as MonographInput["category"],
      categoryName,
      alsoListedAs: terms.filter((t) => t.kind === "synonym").map((t) => t.term),
      relatedTerms: terms.filter((t) => t.kind === "related").map((t) => t.term),
      summary: monograph.summary,
      sections: {
        background: monograph.background,
        theoryEvidence: monograph.theoryEvidence,
        safety: monograph.safety,
        practiceDosing: monograph.practiceDosing,
        authorInformation: monograph.authorInformation,
      },
      evidence: mine(children.evidence).map(({ condition, grade, note }) => ({ condition, grade, note })),
      references: mine(children.references).map(({ authors, title, journal, year, volumePages, pmid, doi }) => ({
        authors,
        title,
        journal,
        year,
        volumePages: volumePages ?? undefined,
        pmid: pmid ?? undefined,
        doi: doi ?? undefined,
      })),
      reviewedAt: monograph.reviewedAt ?? undefined,
      reviewer: monograph.reviewer ?? undefined,
      status: monograph.status,
      updatedAt: monograph.updatedAt,
    };
  });
}

const monographWithCategory = () =>
  db
    .select({ monograph: monographs, categorySlug: monographCategories.slug, categoryName: monographCategories.name })
    .from(monographs)
    .innerJoin(monographCategories, eq(monographCategories.id, monographs.categoryId));

/** One monograph by slug; drafts only when asked for (the staff editor). */
export function getMonographBySlug(slug: string, options: { includeDrafts?: boolean } = {}): MonographRecord | null {
  const where = options.includeDrafts ? eq(monographs.slug, slug) : and(eq(monographs.slug, slug), eq(monographs.status, "published"));
  const rows = monographWithCategory().where(where).all();
  return rows.length ? assemble(rows)[0]! : null;
}

export function getMonographById(id: number): MonographRecord | null {
  const rows = monographWithCategory().where(eq(monographs.id, id)).all();
  return rows.length ? assemble(rows)[0]! : null;
}

/** Every monograph, drafts included, for export. */
export function listAllMonographs(): MonographRecord[] {
  return assemble(monographWithCategory().orderBy(asc(monographs.slug)).all());
}

export type StaffMonographFilter = { category?: string; status?: MonographStatus; staleBefore?: string };

/** The staff list; `staleBefore` keeps those not reviewed since that ISO day (or never). */
export function listMonographsForStaff(filter: StaffMonographFilter) {
  return db
    .select({
      id: monographs.id,
      slug: monographs.slug,
      title: monographs.title,
      status: monographs.status,
      reviewedAt: monographs.reviewedAt,
      updatedAt: monographs.updatedAt,
      categoryName: monographCategories.name,
    })
    .from(monographs)
    .innerJoin(monographCategories, eq(monographCategories.id, monographs.categoryId))
    .where(
      and(
        filter.category ? eq(monographCategories.slug, filter.category) : undefined,
        filter.status ? eq(monographs.status, filter.status) : undefined,
        filter.staleBefore ? or(isNull(monographs.reviewedAt), lt(monographs.reviewedAt, filter.staleBefore)) : undefined,
      ),
    )
    .orderBy(sql`${monographs.title} collate nocase`)
    .all();
}

/** The id of the monograph with this slug, drafts included; undefined when none has it. */
export function monographIdBySlug(executor: Executor, slug: string) {
  return executor.select({ id: monographs.id }).from(monographs).where(eq(monographs.slug, slug)).get()?.id;
}

export function monographSlugExists(executor: Executor, slug: string) {
  return monographIdBySlug(executor, slug) !== undefined;
}
