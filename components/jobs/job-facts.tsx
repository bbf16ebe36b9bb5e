import { formatDay } from "@/lib/model/format";
import type { PublicJob } from "@/lib/jobs/cached";
import { formatPay } from "@/lib/jobs/pay";
import { employmentTypeLabels } from "@/lib/model/jobs";

/** The facts of a posting a job seeker compares: pay, hours, kind of job, where, and until when. */
export function JobFacts({ job, open }: { job: PublicJob; open: boolean }) {
  const facts: [string, React.ReactNode][] = [
    ["Pay", formatPay(job)],
    ["Hours", job.hours],
    ["Type", employmentTypeLabels[job.employmentType]],
    ["Department", job.department],
    ["Location", job.location],
    [open ? "Apply by" : "Closing date", <time key="closes" dateTime={job.closesOn}>{formatDay(job.closesOn)}</time>],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-leaf-100 bg-white p-5 sm:grid-cols-[auto_1fr]">
      {facts.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-semibold">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
