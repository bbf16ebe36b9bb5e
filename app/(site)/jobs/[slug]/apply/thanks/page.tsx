import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplicationBreadcrumb } from "@/components/jobs/application-breadcrumb";
import { ButtonLink } from "@/components/ui/button-link";
import { getCachedPublicJob, getCachedPublicJobSlugs } from "@/lib/jobs/cached";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Thank you for applying", robots: { index: false } };

export async function generateStaticParams() {
  return (await getCachedPublicJobSlugs()).map((slug) => ({ slug }));
}

export default async function JobApplicationThanksPage({ params }: Props) {
  const { slug } = await params;
  const job = await getCachedPublicJob(slug);
  if (!job) notFound();
  return (
    <article className="max-w-prose">
      <ApplicationBreadcrumb slug={slug} title={job.title} current="Application sent" />
      <h1 className="text-3xl font-bold text-leaf-900">Thank you for applying</h1>
      <div className="prose-coop mt-4">
        <p>Your application for {job.title} is in. We have emailed you a confirmation; if it is not in your inbox in a few minutes, look in your spam folder.</p>
        <p>The hiring staff read every application. If yours fits what the position needs, we contact you by email or phone to arrange an interview.</p>
      </div>
      <p className="mt-6 flex flex-wrap gap-3">
        <ButtonLink href="/jobs">See other openings</ButtonLink>
        <ButtonLink href="/owners" variant="secondary">
          Become an owner
        </ButtonLink>
      </p>
      <p className="mt-6">
        Questions? <Link href="/visit">Find our phone number and hours</Link>.
      </p>
    </article>
  );
}
