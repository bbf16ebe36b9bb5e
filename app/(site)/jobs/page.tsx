import type { Metadata } from "next";
import { HowToApply } from "@/components/jobs/how-to-apply";
import { JobFilters } from "@/components/jobs/job-filters";
import { getOpenJobs } from "@/lib/jobs/cached";
import { toJobSummary } from "@/lib/jobs/summary";
import { getCachedSiteSettings } from "@/lib/site/cached";
import { shareImage } from "@/lib/site";

export async function generateMetadata(): Promise<Metadata> {
  const { coopName } = await getCachedSiteSettings();
  const description = `Current job openings at ${coopName}, with pay, hours and how to apply online.`;
  return {
    title: "Job openings",
    description,
    alternates: {
      canonical: "/jobs",
      types: { "application/rss+xml": [{ url: "/jobs/feed.xml", title: `Job openings at ${coopName}` }] },
    },
    openGraph: { title: `Job openings at ${coopName}`, description, url: "/jobs", images: [shareImage] },
  };
}

// Rendered with every open posting; the filters work on that list in the browser, so the
// page stays prerendered. A posting whose closing day passes drops out at the next
// revalidation (the layout's 60 seconds), staff changes at once (tag `jobs`).
export default async function JobsPage() {
  const [jobs, settings] = await Promise.all([getOpenJobs(), getCachedSiteSettings()]);
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Job openings</h1>
      <p className="mt-3 max-w-prose text-lg">
        Work where the groceries are local and the store belongs to its shoppers. Every opening at {settings.coopName} is
        listed here, with its pay, and you can apply online.
      </p>
      <p className="mt-2 text-sm">
        <a href="/jobs/feed.xml">Follow new openings by RSS</a>
      </p>
      <div className="mt-6">
        {jobs.length > 0 ? (
          <JobFilters jobs={jobs.map(toJobSummary)} />
        ) : (
          <p className="rounded-lg border border-leaf-100 bg-white p-5 text-lg">There are no openings right now.</p>
        )}
      </div>
      <HowToApply settings={settings} hasOpenings={jobs.length > 0} />
    </>
  );
}
