import Link from "next/link";
import type { JobSummaryData } from "@/lib/jobs/summary";

/** One opening in a list: title linking to the posting, then what a job seeker compares first. */
export function JobSummary({ job, headingLevel = 2 }: { job: JobSummaryData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="rounded-lg border border-leaf-100 bg-white p-5">
      <Heading className="text-lg font-bold">
        <Link href={`/jobs/${job.slug}`}>{job.title}</Link>
      </Heading>
      <p className="text-sm text-muted">
        {job.department} · {job.typeLabel}
      </p>
      <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Hours</dt>
        <dd>{job.hours}</dd>
        <dt className="font-semibold">Pay</dt>
        <dd>{job.pay}</dd>
        <dt className="font-semibold">Apply by</dt>
        <dd>
          <time dateTime={job.closesOn}>{job.closesLabel}</time>
        </dd>
      </dl>
    </article>
  );
}
