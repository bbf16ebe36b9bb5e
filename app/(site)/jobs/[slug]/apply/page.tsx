import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApplyForJob } from "@/components/jobs/apply-for-job";
import { getCachedPublicJob, getCachedPublicJobSlugs, isJobOpen } from "@/lib/jobs/cached";

type Props = { params: Promise<{ slug: string }> };

// Every posting that was ever public is prerendered; one published later renders on its
// first request and is cached from then on. Whether it still takes applications is
// decided at render (the layout re-renders public pages every minute at most), and the
// upload route checks again.
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
  return <ApplyForJob job={job} />;
}
