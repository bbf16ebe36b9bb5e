import type { PublicElection } from "@/lib/elections/cached";
import { formatDateTime, formatDay } from "@/lib/model/format";

function quorumText({ kind, value }: PublicElection["quorum"]) {
  if (kind === "count") return `${value} ${value === 1 ? "ownership" : "ownerships"} must vote for the result to stand.`;
  return `${value}% of the ownerships on the roll must vote for the result to stand.`;
}

/** When voting runs, who may vote and the quorum, in the store's time zone. */
export function ElectionFacts({ election }: { election: PublicElection }) {
  return (
    <section aria-labelledby="election-facts" className="mt-6 rounded-lg border border-leaf-100 bg-white p-5">
      <h2 id="election-facts" className="mb-3 text-xl font-bold text-leaf-900">
        Dates and who may vote
      </h2>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Voting opens</dt>
        <dd>
          <time dateTime={election.opensAt}>{formatDateTime(election.opensAt)}</time>
        </dd>
        <dt className="font-semibold">Voting closes</dt>
        <dd>
          <time dateTime={election.closesAt}>{formatDateTime(election.closesAt)}</time>
        </dd>
        <dt className="font-semibold">Record date</dt>
        <dd>
          <time dateTime={election.recordDate}>{formatDay(election.recordDate)}</time>
        </dd>
        <dt className="font-semibold">Who may vote</dt>
        <dd>
          Every ownership approved on or before the record date
          {election.eligibility === "approved_paid_up" ? " and not behind on its equity payments" : ""}. Each ownership has one
          vote.{" "}
          {election.voters === "primary"
            ? "The primary owner casts it."
            : "Any adult on the ownership may cast it; the first ballot counts."}
        </dd>
        <dt className="font-semibold">Quorum</dt>
        <dd>{quorumText(election.quorum)}</dd>
      </dl>
      <p className="mt-3 text-sm text-muted">Times are the store&apos;s local time.</p>
    </section>
  );
}
