import { getEnv } from "@/lib/env";
import { getCachedNewsletterIssues } from "@/lib/newsletter/cached-issues";
import { issuePdfPath } from "@/lib/newsletter/issue-files";
import { renderRss } from "@/lib/rss";
import { getCachedSiteSettings } from "@/lib/site/cached";

// Prerendered; staff uploads and deletions revalidate it at once (tag `newsletter-issues`).
// Revalidated like the pages, since its answer's s-maxage is how long a cache in front
// (nginx, a CDN) keeps it: a minute, where a never-revalidated feed said a year.
export const revalidate = 60;

/** RSS 2.0 of The Rutabaga Rap's issues, newest first, each with its PDF as the enclosure. */
export async function GET() {
  const { siteUrl } = getEnv();
  const [issues, settings] = await Promise.all([getCachedNewsletterIssues(), getCachedSiteSettings()]);
  const xml = renderRss(
    {
      title: `The Rutabaga Rap, from ${settings.coopName}`,
      description: `The printed newsletter of ${settings.coopName}, ${settings.locality}, ${settings.region}, as PDFs.`,
      link: `${siteUrl}/newsletter/issues`,
      feedUrl: `${siteUrl}/newsletter/issues/feed.xml`,
      image: `${siteUrl}/icon-192.png`,
      updated: issues[0] ? new Date(issues[0].createdAt) : undefined,
      copyright: settings.coopName,
      ttl: 60,
    },
    issues.map((issue) => {
      const url = `${siteUrl}${issuePdfPath(issue.slug)}`;
      return {
        title: issue.title,
        id: url,
        link: url,
        date: new Date(`${issue.issuedOn}T12:00:00Z`),
        summary: issue.summary || issue.title,
        enclosure: { url, type: "application/pdf", length: issue.sizeBytes },
      };
    }),
  );
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
