import Link from "next/link";
import { ButtonLink } from "@/components/ui/button-link";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { db } from "@/db";
import { electionTurnout } from "@/db/queries/election-roll";
import { listElections } from "@/db/queries/elections";
import { requirePageRole } from "@/lib/auth/session";
import { electionStatusLabels } from "@/lib/elections/status-labels";
import { formatDateTime } from "@/lib/model/format";

export const metadata = { title: "Elections" };

type Props = { searchParams: Promise<{ deleted?: string }> };

/** Staff read every election; admins write them. Turnout shows once a roll exists, never a tally. */
export default async function StaffElectionsPage({ searchParams }: Props) {
  const user = await requirePageRole("staff", "/staff/elections");
  const { deleted } = await searchParams;
  const elections = listElections(db);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold text-leaf-900">Elections</h1>
        {user.role === "admin" && (
          <ButtonLink href="/staff/elections/new" prefetch={false}>
            New election
          </ButtonLink>
        )}
      </div>
      {deleted && (
        <p role="status" className="mt-4 rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3 font-semibold text-leaf-900">
          The draft was deleted.
        </p>
      )}
      <p className="mt-2 max-w-prose">
        A draft can change until voting opens, at its opening time or when an admin opens it. From then on its ballot is fixed. Times are the
        store’s clock.
      </p>
      {elections.length === 0 ? (
        <p className="mt-6">No elections yet.</p>
      ) : (
        <DataTable caption="Elections" headers={["Election", "Status", "Voting", "Turnout"]}>
          {elections.map((election) => {
            const turnout = election.status === "draft" ? null : electionTurnout(db, election.id);
            return (
              <tr key={election.id}>
                <td className={cellClass}>
                  <Link prefetch={false} href={`/staff/elections/${election.id}`}>{election.title}</Link>
                </td>
                <td className={cellClass}>{electionStatusLabels[election.status]}</td>
                <td className={cellClass}>
                  {formatDateTime(election.opensAt)} to {formatDateTime(election.closesAt)}
                </td>
                <td className={cellClass}>{turnout ? `${turnout.voted} of ${turnout.rollSize} voted` : "—"}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </>
  );
}
