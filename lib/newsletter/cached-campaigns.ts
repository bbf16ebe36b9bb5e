import "server-only";
import type { Root } from "hast";
import { unstable_cache } from "next/cache";
import { listSentCampaigns } from "@/db/queries/newsletter-campaigns";
import { cacheTags } from "@/lib/cache-tags";
import { excerpt } from "@/lib/jobs/posting-content";
import { markdownToTree } from "@/lib/markdown/to-tree";
import { treeToText } from "@/lib/markdown/to-text";

// Public reads of the email archive: the campaign as written, never anything of a recipient
// (no token, no address, no footer). Cached until a campaign is sent (tag `newsletter-campaigns`).

/** A sent campaign as the archive list shows it. */
export type ArchivedCampaignSummary = { slug: string; subject: string; sentAt: string; summary: string };

/** A sent campaign's archive page: its body parsed once, rendered from the cached tree. */
export type ArchivedCampaign = ArchivedCampaignSummary & { tree: Root; markdown: string };

function archived(): ArchivedCampaign[] {
  return listSentCampaigns().flatMap((campaign) => {
    if (!campaign.slug || !campaign.sentAt) return [];
    const tree = markdownToTree(campaign.markdown);
    return [{ slug: campaign.slug, subject: campaign.subject, sentAt: campaign.sentAt.toISOString(), summary: excerpt(treeToText(tree), 240), tree, markdown: campaign.markdown }];
  });
}

const getCachedArchive = unstable_cache(async () => archived(), ["newsletter-campaigns-archive"], { tags: [cacheTags.newsletterCampaigns] });

/** Sent campaigns, newest first, for the archive list on /newsletter. */
export async function getCachedSentCampaigns(): Promise<ArchivedCampaignSummary[]> {
  return (await getCachedArchive()).map(({ slug, subject, sentAt, summary }) => ({ slug, subject, sentAt, summary }));
}

/** Sent campaigns with their bodies, newest first (the feed). */
export async function getCachedArchivedCampaigns(): Promise<ArchivedCampaign[]> {
  return getCachedArchive();
}

/** One sent campaign's archive page, or null (drafts and campaigns still going out are not public). */
export async function getCachedSentCampaign(slug: string): Promise<ArchivedCampaign | null> {
  return (await getCachedArchive()).find((campaign) => campaign.slug === slug) ?? null;
}
