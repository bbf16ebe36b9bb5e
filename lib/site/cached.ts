import "server-only";
import type { Metadata } from "next";
import { unstable_cache } from "next/cache";
import { notFound } from "next/navigation";
import { getPageBySlug, getSiteSettings, listPages } from "@/db/queries/site";
import { cacheTags } from "@/lib/cache-tags";
import { markdownToTree } from "@/lib/markdown/to-tree";
import { shareImage } from "@/lib/site";

// Public pages read through these cached functions, so a page view does no database
// work until staff change the data and revalidate its tag. Cached values pass through
// JSON, so dates travel as ISO strings.

export type PublicPage = {
  slug: string;
  title: string;
  description: string;
  tree: ReturnType<typeof markdownToTree>;
  updatedAt: string;
};

export const getCachedSiteSettings = unstable_cache(async () => getSiteSettings(), ["site-settings"], {
  tags: [cacheTags.settings],
});

export function getCachedPage(slug: string): Promise<PublicPage | null> {
  return unstable_cache(
    async () => {
      const page = getPageBySlug(slug);
      if (!page) return null;
      const { title, description, markdown, updatedAt } = page;
      return { slug, title, description, tree: markdownToTree(markdown), updatedAt: updatedAt.toISOString() };
    },
    ["page", slug],
    { tags: [cacheTags.pages, cacheTags.page(slug)] },
  )();
}

export const getCachedPageList = unstable_cache(
  async () => listPages().map((page) => ({ slug: page.slug, updatedAt: page.updatedAt.toISOString() })),
  ["page-list"],
  { tags: [cacheTags.pages] },
);

/** The page stored under `slug`, or the 404 page when there is none. */
export async function loadContentPage(slug: string): Promise<PublicPage> {
  const page = await getCachedPage(slug);
  if (!page) notFound();
  return page;
}

export async function contentPageMetadata(slug: string): Promise<Metadata> {
  const page = await getCachedPage(slug);
  if (!page) return {};
  return {
    title: page.title,
    description: page.description || undefined,
    alternates: { canonical: `/${slug}` },
    openGraph: { title: page.title, description: page.description || undefined, url: `/${slug}`, type: "article", images: [shareImage] },
  };
}
