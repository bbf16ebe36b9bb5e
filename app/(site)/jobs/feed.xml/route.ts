import { getEnv } from "@/lib/env";
import { formatDay } from "@/lib/model/format";
import { getOpenJobs } from "@/lib/jobs/cached";
import { formatPay } from "@/lib/jobs/pay";
import { postingSummary } from "@/lib/jobs/posting-content";
import { employmentTypeLabels } from "@/lib/model/jobs";
import { renderRss } from "@/lib/rss";
import { getCachedSiteSettings } from "@/lib/site/cached";

// Prerendered and revalidated like the pages: staff changes at once (tag `jobs`), a posting
// whose closing day passed at the next revalidation, without anyone saving anything.
export const revalidate = 60;

/** RSS 2.0 of the open postings, newest first, with absolute links. */
export async function GET() {
  const { siteUrl } = getEnv();
  const [jobs, settings] = await Promise.all([getOpenJobs(), getCachedSiteSettings()]);
  const newest = jobs.map((job) => job.updatedAt).sort().at(-1);
  const xml = renderRss(
    {
      title: `Job openings at ${settings.coopName}`,
      description: `Current openings at ${settings.coopName}, ${settings.locality}, ${settings.region}.`,
      link: `${siteUrl}/jobs`,
      feedUrl: `${siteUrl}/jobs/feed.xml`,
      image: `${siteUrl}/icon-192.png`,
      updated: newest ? new Date(newest) : undefined,
      copyright: settings.coopName,
      ttl: 60,
    },
    jobs.map((job) => ({
      title: job.title,
      link: `${siteUrl}/jobs/${job.slug}`,
      date: new Date(job.publishedAt ?? job.createdAt),
      summary: `${job.department} · ${employmentTypeLabels[job.employmentType]} · ${job.hours} · ${formatPay(job)} · Apply by ${formatDay(job.closesOn)}. ${postingSummary(job, 400)}`,
      categories: [job.department],
    })),
  );
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
