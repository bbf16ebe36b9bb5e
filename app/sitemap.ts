import type { MetadataRoute } from "next";
import { getCachedElectionList } from "@/lib/elections/cached";
import { getEnv } from "@/lib/env";
import { getOpenJobs } from "@/lib/jobs/cached";
import { getCachedSentCampaigns } from "@/lib/newsletter/cached-campaigns";
import { getCachedMonographList } from "@/lib/monographs/cached";
import { getCachedPageList } from "@/lib/site/cached";

// Revalidated like the pages, so a posting whose closing day passed leaves it without a save.
export const revalidate = 60;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { siteUrl } = getEnv();
  const [pages, monographs, jobs, campaigns, elections] = await Promise.all([
    getCachedPageList(),
    getCachedMonographList(),
    getOpenJobs(),
    getCachedSentCampaigns(),
    getCachedElectionList(),
  ]);
  return [
    { url: `${siteUrl}/`, changeFrequency: "weekly", priority: 1 },
    { url: `${siteUrl}/health`, changeFrequency: "weekly", priority: 0.9 },
    { url: `${siteUrl}/owners/apply`, changeFrequency: "monthly", priority: 0.8 },
    { url: `${siteUrl}/jobs`, changeFrequency: "daily", priority: 0.8 },
    ...jobs.map((job) => ({ url: `${siteUrl}/jobs/${job.slug}`, lastModified: job.updatedAt, changeFrequency: "weekly" as const, priority: 0.7 })),
    // Listed once an election is public: an empty elections page is no page to index.
    ...(elections.length > 0 ? [{ url: `${siteUrl}/elections`, changeFrequency: "weekly" as const, priority: 0.6 }] : []),
    ...elections.map((election) => ({ url: `${siteUrl}/elections/${election.slug}`, lastModified: election.certifiedAt ?? election.opensAt, changeFrequency: "daily" as const, priority: 0.6 })),
    { url: `${siteUrl}/newsletter`, changeFrequency: "weekly", priority: 0.6 },
    { url: `${siteUrl}/newsletter/issues`, changeFrequency: "monthly", priority: 0.5 },
    ...campaigns.map((campaign) => ({ url: `${siteUrl}/newsletter/emails/${campaign.slug}`, lastModified: campaign.sentAt, changeFrequency: "yearly" as const, priority: 0.5 })),
    ...monographs.map((monograph) => ({
      url: `${siteUrl}/health/${monograph.slug}`,
      lastModified: monograph.reviewedAt ?? undefined,
      changeFrequency: "monthly" as const,
    })),
    ...pages.map((page) => ({ url: `${siteUrl}/${page.slug}`, lastModified: page.updatedAt, changeFrequency: "monthly" as const })),
  ];
}
