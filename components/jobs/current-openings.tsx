import Link from "next/link";
import type { JobSummaryData } from "@/lib/jobs/summary";

/** The home page's few newest openings, or a word that there are none, and the way to all of them. */
export function CurrentOpenings({ jobs, total }: { jobs: JobSummaryData[]; total: number }) {
  return (
    <section aria-labelledby="current-openings" className="mt-10">
      <h2 id="current-openings" className="text-xl font-bold text-leaf-900">
        Current openings
      </h2>
      {jobs.length > 0 ? (
        <>
          <ul className="mt-3 space-y-3">
            {jobs.map((job) => (
              <li key={job.slug}>
                <Link href={`/jobs/${job.slug}`} className="font-semibold">
                  {job.title}
                </Link>
                <p className="text-sm">
                  {job.department} · {job.typeLabel} · {job.pay} · apply by <time dateTime={job.closesOn}>{job.closesLabel}</time>
                </p>
              </li>
            ))}
          </ul>
          <p className="mt-3">
            <Link href="/jobs" className="font-semibold">
              {total > jobs.length ? `All ${total} openings` : "All openings and how to apply"}
              <span aria-hidden="true"> →</span>
            </Link>
          </p>
        </>
      ) : (
        <p className="mt-3">
          We have no openings right now. <Link href="/jobs">See how to apply for the next one</Link>.
        </p>
      )}
    </section>
  );
}
