import "server-only";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/model/errors";
import type { MonographStatus } from "@/lib/model/monographs";
import type { MonographInput } from "@/lib/validations/monographs";
import { monographCategories, monographEvidence, monographReferences, monographs, monographTerms } from "../schema";
import type { Executor } from "./executor";
import { syncMonographSearch } from "./monograph-search";
import { monographIdBySlug } from "./monographs";

// Changing the health library, each in the caller's transaction: every write that changes
// what a monograph says also brings its search row in step. Reads are in monographs.ts.

function categoryIdOf(executor: Executor, slug: string) {
  const category = executor.select({ id: monographCategories.id }).from(monographCategories).where(eq(monographCategories.slug, slug)).get();
  if (!category) throw new AppError("bad_request", `Unknown category ${slug}.`, { category: ["Choose a category."] });
  return category.id;
}

/**
 * Creates a monograph, or replaces the one with `options.id`, with its terms, evidence
 * and references, and brings its search row in step, all in the caller's transaction.
 * A slug another monograph has is a `conflict`: creating never takes over an existing
 * monograph (the importer's replace-by-slug is `upsertMonographBySlug`). Returns the id.
 */
export function saveMonograph(executor: Executor, input: MonographInput, options: { id?: number; userId?: string } = {}) {
  const holder = monographIdBySlug(executor, input.slug);
  if (holder !== undefined && holder !== options.id) throw new AppError("conflict", "Another monograph already uses that slug.");
  return writeMonograph(executor, input, options.id, options.userId);
}

/**
 * The importer's rule, kept apart from saveMonograph so that no other caller replaces
 * by slug: a file replaces the monograph with its slug, or adds one.
 */
export function upsertMonographBySlug(executor: Executor, input: MonographInput) {
  const existingId = monographIdBySlug(executor, input.slug);
  return { id: writeMonograph(executor, input, existingId), created: existingId === undefined };
}

/** Inserts (no `id`) or replaces the monograph row, then all its child rows. */
function writeMonograph(executor: Executor, input: MonographInput, targetId: number | undefined, userId?: string) {
  const row = {
    slug: input.slug,
    title: input.title,
    categoryId: categoryIdOf(executor, input.category),
    summary: input.summary,
    ...input.sections,
    reviewedAt: input.reviewedAt ?? null,
    reviewer: input.reviewer ?? null,
    status: input.status,
    updatedAt: new Date(),
    updatedBy: userId ?? null,
  };
  let id: number;
  if (targetId === undefined) {
    id = executor.insert(monographs).values(row).returning({ id: monographs.id }).get().id;
  } else {
    const updated = executor.update(monographs).set(row).where(eq(monographs.id, targetId)).run();
    if (updated.changes === 0) throw new AppError("not_found", "That monograph no longer exists.");
    id = targetId;
  }
  executor.delete(monographTerms).where(eq(monographTerms.monographId, id)).run();
  executor.delete(monographEvidence).where(eq(monographEvidence.monographId, id)).run();
  executor.delete(monographReferences).where(eq(monographReferences.monographId, id)).run();
  const terms = [
    ...input.alsoListedAs.map((term, position) => ({ monographId: id, kind: "synonym" as const, term, position })),
    ...input.relatedTerms.map((term, position) => ({ monographId: id, kind: "related" as const, term, position })),
  ];
  if (terms.length) executor.insert(monographTerms).values(terms).run();
  if (input.evidence.length) {
    executor.insert(monographEvidence).values(input.evidence.map((row, position) => ({ ...row, monographId: id, position }))).run();
  }
  if (input.references.length) {
    executor
      .insert(monographReferences)
      .values(input.references.map((reference, index) => ({ ...reference, monographId: id, position: index + 1 })))
      .run();
  }
  syncMonographSearch(executor, id);
  return id;
}

export function setMonographStatus(executor: Executor, id: number, status: MonographStatus, userId: string) {
  const updated = executor.update(monographs).set({ status, updatedAt: new Date(), updatedBy: userId }).where(eq(monographs.id, id)).run();
  if (updated.changes === 0) throw new AppError("not_found", "That monograph no longer exists.");
  syncMonographSearch(executor, id);
}

export function deleteMonograph(executor: Executor, id: number) {
  const deleted = executor.delete(monographs).where(eq(monographs.id, id)).run();
  if (deleted.changes === 0) throw new AppError("not_found", "That monograph no longer exists.");
  syncMonographSearch(executor, id);
}

/** Adds categories that are missing; existing ones keep their staff-edited text. */
export function ensureMonographCategories(executor: Executor, categories: readonly { slug: string; name: string; description: string }[]) {
  categories.forEach((category, sortOrder) => {
    executor.insert(monographCategories).values({ ...category, sortOrder }).onConflictDoNothing().run();
  });
}
