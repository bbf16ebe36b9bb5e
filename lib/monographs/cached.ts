import "server-only";
import { unstable_cache } from "next/cache";
import { notFound } from "next/navigation";
import {
  getMonographBySlug,
  listCategoriesWithCounts,
  listPublishedMonographNames,
  listPublishedMonographs,
} from "@/db/queries/monographs";
import { cacheTags } from "@/lib/cache-tags";
import { markdownToTree } from "@/lib/markdown/to-tree";
import { monographSectionKeys } from "@/lib/model/monographs";

// Public library pages read through these cached functions: no database work per view.
// Staff saves revalidate the tags at once; the five-minute lifetime is a backstop for
// changes made outside the server (`npm run monographs:import` while it runs).
const lifetime = { revalidate: 300 };

export const getCachedCategories = unstable_cache(async () => listCategoriesWithCounts(), ["monograph-categories"], {
  tags: [cacheTags.monographs],
  ...lifetime,
});

export const getCachedMonographList = unstable_cache(async () => listPublishedMonographs(), ["monograph-list"], {
  tags: [cacheTags.monographs],
  ...lifetime,
});

/** Lowercased title or synonym → slug, for linking related terms to their own monographs. */
export const getCachedMonographNames = unstable_cache(
  async () => Object.fromEntries(listPublishedMonographNames().map((row) => [row.name.toLowerCase(), row.slug])),
  ["monograph-names"],
  { tags: [cacheTags.monographs], ...lifetime },
);

export type PublicMonograph = NonNullable<Awaited<ReturnType<typeof getCachedMonograph>>>;

export function getCachedMonograph(slug: string) {
  return unstable_cache(
    async () => {
      const monograph = getMonographBySlug(slug);
      if (!monograph) return null;
      const { updatedAt, ...rest } = monograph;
      // Parsed once per cache entry, not once per view.
      const trees = Object.fromEntries(monographSectionKeys.map((key) => [key, markdownToTree(monograph.sections[key])]));
      return { ...rest, trees: trees as Record<(typeof monographSectionKeys)[number], ReturnType<typeof markdownToTree>>, updatedAt: updatedAt.toISOString() };
    },
    ["monograph", slug],
    { tags: [cacheTags.monographs, cacheTags.monograph(slug)], ...lifetime },
  )();
}

/** The published monograph under `slug`, or the 404 page (drafts and unknown slugs). */
export async function loadMonograph(slug: string) {
  const monograph = await getCachedMonograph(slug);
  if (!monograph) notFound();
  return monograph;
}
