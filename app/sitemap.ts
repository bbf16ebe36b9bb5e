import type { MetadataRoute } from "next";
import { getEnv } from "@/lib/env";
import { getCachedMonographList } from "@/lib/monograph-content";
import { getCachedPageList } from "@/lib/site-content";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { siteUrl } = getEnv();
  const [pages, monographs] = await Promise.all([getCachedPageList(), getCachedMonographList()]);
  return [
    { url: `${siteUrl}/`, changeFrequency: "weekly", priority: 1 },
    { url: `${siteUrl}/health`, changeFrequency: "weekly", priority: 0.9 },
    { url: `${siteUrl}/owners/apply`, changeFrequency: "monthly", priority: 0.8 },
    ...monographs.map((monograph) => ({
      url: `${siteUrl}/health/${monograph.slug}`,
      lastModified: monograph.reviewedAt ?? undefined,
      changeFrequency: "monthly" as const,
    })),
    ...pages.map((page) => ({ url: `${siteUrl}/${page.slug}`, lastModified: page.updatedAt, changeFrequency: "monthly" as const })),
  ];
}
