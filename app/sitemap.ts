import type { MetadataRoute } from "next";
import { getEnv } from "@/lib/env";
import { getCachedPageList } from "@/lib/site-content";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { siteUrl } = getEnv();
  const pages = await getCachedPageList();
  return [
    { url: `${siteUrl}/`, changeFrequency: "weekly", priority: 1 },
    ...pages.map((page) => ({ url: `${siteUrl}/${page.slug}`, lastModified: page.updatedAt, changeFrequency: "monthly" as const })),
  ];
}
