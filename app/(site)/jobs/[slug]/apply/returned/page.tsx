import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ApplyForJob } from "@/components/jobs/apply-for-job";
import { getCachedPublicJob } from "@/lib/jobs/cached";
import { takeReturnedForm } from "@/lib/uploads/returned-forms";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Your application", robots: { index: false } };

/**
 * Where an application sent without JavaScript comes back when it was refused: the form
 * again, with its errors and what was typed (lib/uploads/returned-forms.ts). Rendered per
 * request, so that the apply page itself stays prerendered; without a form to show (it
 * was shown, or its ten minutes passed), the apply page.
 */
export default async function ReturnedApplicationPage({ params }: Props) {
  const { slug } = await params;
  const job = await getCachedPublicJob(slug);
  if (!job) notFound();
  const returned = await takeReturnedForm(`/jobs/${slug}/apply/returned`);
  if (!returned) redirect(`/jobs/${slug}/apply`);
  return <ApplyForJob job={job} initial={returned} />;
}
