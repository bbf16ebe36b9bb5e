import Link from "next/link";
import { ReminderButton } from "@/components/elections/reminder-button";
import { RollChangeForm } from "@/components/elections/roll-change-form";
import { RollSearch } from "@/components/elections/roll-search";
import { RollTable } from "@/components/elections/roll-table";
import { RunningElectionNav } from "@/components/elections/running-election-nav";
import { db } from "@/db";
import { listRoll } from "@/db/queries/election-running";
import { electionTurnout } from "@/db/queries/election-roll";
import { isTakingBallots } from "@/db/queries/elections";
import { changeRollAction, findOnRollAction, markVotedOnPaperAction, sendRemindersAction } from "@/lib/actions/election-running";
import { recordPersonalDataView } from "@/lib/audit/record-view";
import { requirePageRole } from "@/lib/auth/session";
import { getElectionForStaffPage } from "@/lib/elections/staff-election";
import { rollFilterLabels, rollFilters, type RollFilter } from "@/lib/model/election-running";
import { formatDateTime } from "@/lib/model/format";
import { pageFromQuery } from "@/lib/search-params";

export const metadata = { title: "Election roll" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string; show?: string }> };

export default async function ElectionRollPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requirePageRole("staff", `/staff/elections/${id}/roll`);
  const election = getElectionForStaffPage(id);
  const query = await searchParams;
  const filter: RollFilter = (rollFilters as readonly string[]).includes(query.show ?? "") ? (query.show as RollFilter) : "all";
  const { rows, hasMore, page } = listRoll(db, election.id, { filter, page: pageFromQuery(query.page) });
  await recordPersonalDataView(staff, { action: "election_roll.view", subjectType: "election", subjectId: String(election.id), detail: { page, rows: rows.length } });
  const turnout = electionTurnout(db, election.id);
  const open = election.status === "open";
  const mark = open ? markVotedOnPaperAction : undefined;
  const link = (target: { show?: RollFilter; page?: number }) => {
    const search = new URLSearchParams();
    if ((target.show ?? filter) !== "all") search.set("show", target.show ?? filter);
    if (target.page && target.page > 1) search.set("page", String(target.page));
    return `/staff/elections/${election.id}/roll${search.size ? `?${search}` : ""}`;
  };
  return (
    <>
      <RunningElectionNav election={election} current="roll" heading="Roll" />
      <p className="mt-4 max-w-prose">
        {turnout.voted} of {turnout.rollSize} ownerships on the roll have voted: {turnout.online} online and {turnout.paper} on paper. The roll says only whether, when and how
        each ownership voted, never how.
      </p>
      {election.status === "draft" && <p className="mt-2">The roll is written when the election opens.</p>}
      {isTakingBallots(election, new Date()) && (
        <ReminderButton electionId={election.id} lastSentAt={election.lastReminderAt ? formatDateTime(election.lastReminderAt) : null} send={sendRemindersAction} />
      )}
      <RollSearch electionId={election.id} filter={filter} find={findOnRollAction} mark={mark} />
      <h2 className="mt-8 text-xl font-bold text-leaf-900">The roll</h2>
      <nav aria-label="Show on the roll" className="mt-2">
        <ul className="flex flex-wrap gap-4">
          {rollFilters.map((value) => (
            <li key={value}>
              <Link prefetch={false} href={link({ show: value })} aria-current={value === filter ? "page" : undefined} className={value === filter ? "font-bold" : undefined}>
                {rollFilterLabels[value]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <RollTable caption={`${rollFilterLabels[filter]}, by owner number`} rows={rows} electionId={election.id} mark={mark} />
      {rows.length === 0 && <p className="mt-4">Nobody here.</p>}
      <nav aria-label="Roll pages" className="mt-4 flex gap-4">
        {page > 1 && (
          <Link prefetch={false} href={link({ page: page - 1 })}>
            Previous page
          </Link>
        )}
        {hasMore && (
          <Link prefetch={false} href={link({ page: page + 1 })}>
            Next page
          </Link>
        )}
      </nav>
      {open && staff.role === "admin" && (
        <section aria-labelledby="roll-changes-heading" className="mt-10">
          <h2 id="roll-changes-heading" className="text-xl font-bold text-leaf-900">
            Change the roll
          </h2>
          <p className="mt-2 max-w-prose">The roll was written down when the election opened. Change it only for a reason the bylaws allow; each change is kept in the audit log with its reason.</p>
          <RollChangeForm electionId={election.id} change="add" action={changeRollAction} />
          <RollChangeForm electionId={election.id} change="remove" action={changeRollAction} />
        </section>
      )}
    </>
  );
}
