import { PaperBatchForm } from "@/components/elections/paper-batch-form";
import { RunningElectionNav } from "@/components/elections/running-election-nav";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { db } from "@/db";
import { listPaperBatches } from "@/db/queries/election-running";
import { getBallotDefinition } from "@/db/queries/elections";
import { recordPaperBatchAction } from "@/lib/actions/election-running";
import { requirePageRole } from "@/lib/auth/session";
import { getElectionForStaffPage } from "@/lib/elections/staff-election";
import { formatDateTime } from "@/lib/model/format";

export const metadata = { title: "Paper ballots" };

type Props = { params: Promise<{ id: string }> };

/** Staff enter counted batches of paper ballots: while the election is open or closed, not once certified. The list shows counts only. */
export default async function PaperBallotsPage({ params }: Props) {
  const { id } = await params;
  await requirePageRole("staff", `/staff/elections/${id}/paper`);
  const election = getElectionForStaffPage(id);
  const batches = listPaperBatches(db, election.id);
  const taking = election.status === "open" || election.status === "closed";
  const ballot = getBallotDefinition(db, election.id);
  const total = batches.reduce((sum, batch) => sum + batch.ballots, 0);
  return (
    <>
      <RunningElectionNav election={election} current="paper" heading="Paper ballots" />
      <section aria-labelledby="enter-batch-heading" className="mt-6">
        <h2 id="enter-batch-heading" className="text-xl font-bold text-leaf-900">
          Enter a counted batch
        </h2>
        {taking ? (
          <>
            <p className="mt-2 max-w-prose">
              Count a stack of paper ballots, then enter how many ballots it holds and the marks for each choice. Mark each owner who handed in a ballot as voted on paper on the
              roll, so that they cannot vote online as well.
            </p>
            <PaperBatchForm electionId={election.id} ballot={ballot} action={recordPaperBatchAction} />
          </>
        ) : (
          <p className="mt-2">{election.status === "draft" ? "Paper ballots are entered once the election is open." : "The results are certified, so no more paper ballots can be entered."}</p>
        )}
      </section>
      <section aria-labelledby="batches-heading" className="mt-10">
        <h2 id="batches-heading" className="text-xl font-bold text-leaf-900">
          Batches entered
        </h2>
        <p className="mt-2">
          {batches.length} {batches.length === 1 ? "batch" : "batches"}, {total} paper {total === 1 ? "ballot" : "ballots"} in all.
        </p>
        {batches.length > 0 && (
          <DataTable caption="Paper batches entered, newest first" headers={["Entered", "By", "Ballots"]}>
            {batches.map((batch) => (
              <tr key={batch.id}>
                <td className={cellClass}>{formatDateTime(batch.enteredAt)}</td>
                <td className={cellClass}>{batch.enteredBy ?? "A former staff member"}</td>
                <td className={cellClass}>{batch.ballots}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
