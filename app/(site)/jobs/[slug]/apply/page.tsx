import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplicationBreadcrumb } from "@/components/jobs/application-breadcrumb";
import { JobApplicationForm } from "@/components/jobs/job-application-form";
import { submitJobApplicationAction } from "@/lib/actions/job-applications";
import { formatDay } from "@/lib/format";
import { getCachedPublicJob, getCachedPublicJobSlugs, isJobOpen } from "@/lib/jobs/cached";

type Props = { params: Promise<{ slug: string }> };

// Every posting that was ever public is prerendered; one published later renders on its
// first request and is cached from then on. Whether it still takes applications is
// decided at render (the layout re-renders public pages every minute at most), and the
// action checks again.
export async function generateStaticParams() {
  return (await getCachedPublicJobSlugs()).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const job = await getCachedPublicJob(slug);
  if (!job) return {};
  return {
    title: `Apply: ${job.title}`,
    description: `Apply online for ${job.title} (${job.department}) with your résumé.`,
    alternates: { canonical: `/jobs/${slug}/apply` },
    robots: isJobOpen(job) ? undefined : { index: false },
  };
}

export default async function JobApplicationPage({ params }: Props) {
  const { slug } = await params;
  const job = await getCachedPublicJob(slug);
  if (!job) notFound();
  if (!isJobOpen(job)) {
    return (
      <article className="max-w-prose">
        <ApplicationBreadcrumb slug={slug} title={job.title} current="Apply" />
        <h1 className="text-3xl font-bold text-leaf-900">Apply: {job.title}</h1>
        <p role="status" className="mt-4 rounded-md border border-amber-700 bg-amber-50 px-4 py-3 font-semibold">
          This position is closed: we are no longer taking applications for it.
        </p>
        <p className="mt-4">
          <Link href="/jobs">See our current openings</Link>.
        </p>
      </article>
    );
  }
  return (
    <article className="max-w-3xl">
      <ApplicationBreadcrumb slug={slug} title={job.title} current="Apply" />
      <h1 className="text-3xl font-bold text-leaf-900">Apply: {job.title}</h1>
      <p className="mt-3 max-w-prose">
        {job.department} · {job.hours}. Applications close at the end of {formatDay(job.closesOn)}. We email you a copy of what you send;
        fields are required unless they say optional. <Link href={`/jobs/${slug}`}>Read the posting again</Link>.
      </p>
      <JobApplicationForm action={submitJobApplicationAction} jobId={job.id} />
    </article>
  );
}
