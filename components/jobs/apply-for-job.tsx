import Link from "next/link";
import { formatDay } from "@/lib/model/format";
import { isJobOpen, type PublicJob } from "@/lib/jobs/cached";
import type { UploadFormResult } from "@/lib/uploads/form-result";
import { ApplicationBreadcrumb } from "./application-breadcrumb";
import { JobApplicationForm } from "./job-application-form";

/** Where a posting's application form posts (app/api/jobs/[id]/applications). */
export const applicationRoute = (jobId: number) => `/api/jobs/${jobId}/applications`;

/**
 * A posting's application page: the form, or the notice that the posting is closed. The
 * prerendered apply page shows it empty; the page a refused form comes back to without
 * JavaScript shows it with the route's answer (`initial`).
 */
export function ApplyForJob({ job, initial = null }: { job: PublicJob; initial?: UploadFormResult | null }) {
  if (!isJobOpen(job)) {
    return (
      <article className="max-w-prose">
        <ApplicationBreadcrumb slug={job.slug} title={job.title} current="Apply" />
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
      <ApplicationBreadcrumb slug={job.slug} title={job.title} current="Apply" />
      <h1 className="text-3xl font-bold text-leaf-900">Apply: {job.title}</h1>
      <p className="mt-3 max-w-prose">
        {job.department} · {job.hours}. Applications close at the end of {formatDay(job.closesOn)}. We email you a copy of what you send;
        fields are required unless they say optional. <Link href={`/jobs/${job.slug}`}>Read the posting again</Link>.
      </p>
      <JobApplicationForm route={applicationRoute(job.id)} initial={initial} />
    </article>
  );
}
