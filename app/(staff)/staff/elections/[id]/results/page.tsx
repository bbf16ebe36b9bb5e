import { CertifyForm } from "@/components/elections/certify-form";
import { ElectionResultsView } from "@/components/elections/election-results";
import { RunningElectionNav } from "@/components/elections/running-election-nav";
import { db } from "@/db";
import { getCertifierEmail } from "@/db/queries/election-running";
import { electionTurnout } from "@/db/queries/election-roll";
import { certifyElectionAction } from "@/lib/actions/election-running";
import { requirePageRole } from "@/lib/auth/session";
import { getElectionForStaffPage } from "@/lib/elections/staff-election";
import type { ElectionResults } from "@/lib/model/election-tally";
import { quorumNeeded } from "@/lib/model/elections";
import { formatDateTime } from "@/lib/model/format";

export const metadata = { title: "Election results" };

type Props = { params: Promise<{ id: string }> };

/**
 * Staff: the counted results once voting has closed, with ties flagged, and the admins'
 * certify button. Before the close there is no tally to show anyone: only turnout.
 */
export default async function ElectionResultsPage({ params }: Props) {
  const { id } = await params;
  const staff = await requirePageRole("staff", `/staff/elections/${id}/results`);
  const election = getElectionForStaffPage(id);
  const counted = election.status === "closed" || election.status === "certified";
  const results = counted ? (election.resultsJson as ElectionResults | null) : null;
  const turnout = electionTurnout(db, election.id);
  const needed = quorumNeeded(turnout.rollSize, election.quorumKind, election.quorumValue);
  const certifier = election.status === "certified" ? getCertifierEmail(db, election.certifiedBy) : null;
  return (
    <>
      <RunningElectionNav election={election} current="results" heading="Results" />
      {!counted && (
        <section aria-labelledby="before-close-heading" className="mt-6 max-w-prose">
          <h2 id="before-close-heading" className="text-xl font-bold text-leaf-900">
            Not counted yet
          </h2>
          <p className="mt-2">
            The votes are counted when voting closes, {formatDateTime(election.closesAt)}. Until then nobody sees a tally, staff and admins included: only how many have voted.
          </p>
          <p className="mt-2">
            Turnout so far: {turnout.voted} of {turnout.rollSize} ownerships ({turnout.online} online, {turnout.paper} on paper). Quorum: {needed}.
          </p>
        </section>
      )}
      {counted && results && (
        <>
          <p className="mt-4 max-w-prose">
            {election.status === "certified"
              ? `Certified ${formatDateTime(election.certifiedAt)}${certifier ? ` by ${certifier}` : ""}, and published on the election's page.`
              : "Counted when voting closed, and again with each paper batch entered since. Not published until an admin certifies them."}{" "}
            <a href={`/staff/elections/${election.id}/results.csv`} download>
              Download the results as CSV
            </a>
          </p>
          <ElectionResultsView results={results} />
        </>
      )}
      {election.status === "closed" && staff.role === "admin" && <CertifyForm electionId={election.id} certify={certifyElectionAction} />}
    </>
  );
}
