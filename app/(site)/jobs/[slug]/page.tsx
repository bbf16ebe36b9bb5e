import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClosedNotice } from "@/components/jobs/closed-notice";
import { JobFacts } from "@/components/jobs/job-facts";
import { JsonLdScript } from "@/components/ui/json-ld-script";
import { MarkdownTree } from "@/components/site/markdown-tree";
import { ButtonLink } from "@/components/ui/button-link";
import { getEnv } from "@/lib/env";
import { formatDay, storeDay } from "@/lib/model/format";
import { getCachedPublicJob, getCachedPublicJobSlugs, isJobOpen } from "@/lib/jobs/cached";
import { jobPostingJsonLd } from "@/lib/jobs/json-ld";
import { postingSections, postingSummary, postingText } from "@/lib/jobs/posting-content";
import { getCachedSiteSettings } from "@/lib/site/cached";
import { shareImage } from "@/lib/site";

type Props = { params: Promise<{ slug: string }> };

// Every posting that was ever public is prerendered; one published later renders on its
// first request (dynamicParams) and is cached from then on. Drafts are 404.
export async function generateStaticParams() {
  return (await getCachedPublicJobSlugs()).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const job = await getCachedPublicJob(slug);
  if (!job) return {};
  const description = postingSummary(job, 160);
  return {
    title: `${job.title} · Jobs`,
    description: description || undefined,
    alternates: { canonical: `/jobs/${slug}` },
    openGraph: { title: job.title, description: description || undefined, url: `/jobs/${slug}`, images: [shareImage] },
  };
}

export default async function JobPage({ params }: Props) {
  const { slug } = await params;
  const [job, settings] = await Promise.all([getCachedPublicJob(slug), getCachedSiteSettings()]);
  if (!job) notFound();
  const today = storeDay();
  const open = isJobOpen(job, today);
  const sections = postingSections(job);
  const jsonLd = jobPostingJsonLd({ job, text: postingText(sections), settings, siteUrl: getEnv().siteUrl, today });
  const apply = open && (
    <p className="mt-6">
      <ButtonLink href={`/jobs/${slug}/apply`}>Apply for this job</ButtonLink>
    </p>
  );
  return (
    <>
      {jsonLd && <JsonLdScript data={jsonLd} />}
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href="/jobs">Job openings</Link>
            <span aria-hidden="true"> &gt; </span>
          </li>
          <li aria-current="page">{job.title}</li>
        </ol>
      </nav>
      <article>
        <h1 className="text-3xl font-bold text-leaf-900">{job.title}</h1>
        <p className="mb-6 mt-1 text-muted">
          {job.department} · {settings.coopName}
          {job.publishedAt && (
            <>
              {" "}
              · Posted <time dateTime={storeDay(new Date(job.publishedAt))}>{formatDay(storeDay(new Date(job.publishedAt)))}</time>
            </>
          )}
        </p>
        {!open && <ClosedNotice />}
        <JobFacts job={job} open={open} />
        {apply}
        {sections.map((section) => (
          <section key={section.key} aria-labelledby={`section-${section.key}`} className="mt-8">
            <h2 id={`section-${section.key}`} className="mb-3 text-xl font-bold text-leaf-900">
              {section.heading}
            </h2>
            <MarkdownTree tree={section.tree} />
          </section>
        ))}
        {apply}
      </article>
    </>
  );
}
