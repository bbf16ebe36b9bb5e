import { getEnv } from "@/lib/env";
import { campaignArchiveUrl, campaignBodyHtml } from "@/lib/newsletter/campaign-email";
import { getCachedArchivedCampaigns } from "@/lib/newsletter/cached-campaigns";
import { renderRss } from "@/lib/rss";
import { getCachedSiteSettings } from "@/lib/site/cached";

// Prerendered; a newly sent campaign shows at once (tag `newsletter-campaigns`). Revalidated
// like the pages, since its answer's s-maxage is how long a cache in front (nginx, a CDN)
// keeps it: a minute, not the hour this once said.
export const revalidate = 60;

const FEED_ITEMS = 50;

/** RSS 2.0 of the sent campaigns, newest first, each with its whole body (as archived: no personal link). */
export async function GET() {
  const { siteUrl } = getEnv();
  const [campaigns, settings] = await Promise.all([getCachedArchivedCampaigns(), getCachedSiteSettings()]);
  const xml = renderRss(
    {
      title: `${settings.coopName} email newsletter`,
      description: `Every email newsletter ${settings.coopName} has sent, newest first.`,
      link: `${siteUrl}/newsletter`,
      feedUrl: `${siteUrl}/newsletter/emails/feed.xml`,
      image: `${siteUrl}/icon-192.png`,
      updated: campaigns[0] ? new Date(campaigns[0].sentAt) : undefined,
      copyright: settings.coopName,
      ttl: 60,
    },
    campaigns.slice(0, FEED_ITEMS).map((campaign) => {
      const link = campaignArchiveUrl(siteUrl, campaign.slug);
      return { title: campaign.subject, id: link, link, date: new Date(campaign.sentAt), summary: campaign.summary, html: campaignBodyHtml(campaign.markdown, siteUrl) };
    }),
  );
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
