import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DraftBallot } from "@/components/elections/draft-ballot";
import { DraftControls } from "@/components/elections/draft-controls";
import { ElectionContests } from "@/components/elections/election-contests";
import { ElectionEditor } from "@/components/elections/election-editor";
import { ElectionFacts } from "@/components/elections/election-facts";
import { db } from "@/db";
import { electionTurnout } from "@/db/queries/election-roll";
import { getElectionById } from "@/db/queries/elections";
import {
  arrangeBallotAction,
  deleteDraftElectionAction,
  openElectionNowAction,
  saveCandidateAction,
  saveElectionAction,
  saveMeasureAction,
  saveRaceAction,
} from "@/lib/actions/election-drafts";
import { requirePageRole } from "@/lib/auth/session";
import { staffElectionView } from "@/lib/elections/staff-view";
import { electionStatusLabels } from "@/lib/elections/status-labels";
import { storeDateTimeInput } from "@/lib/model/store-time";

export const metadata: Metadata = { title: "Election" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; confirm?: string }> };

/**
 * One election for staff: its status and facts. While it is a draft, admins edit its
 * settings and ballot here; once it has opened, the ballot is shown as it stands, with the
 * pages that run the vote.
 */
export default async function StaffElectionPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageRole("staff", `/staff/elections/${id}`);
  const election = /^\d{1,12}$/.test(id) ? getElectionById(db, Number(id)) : null;
  if (!election) notFound();
  const { created, confirm } = await searchParams;
  const { view, ballot } = staffElectionView(election);
  const editable = election.status === "draft" && user.role === "admin";
  const turnout = election.status === "draft" ? null : electionTurnout(db, election.id);
  const page = `/staff/elections/${election.id}`;
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/elections">Elections</Link> › {election.title}
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">{election.title}</h1>
      {created && (
        <p role="status" className="mt-4 rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3 font-semibold text-leaf-900">
          Draft saved. Add its races and measures below, then check the preview.
        </p>
      )}
      <p className="mt-2">
        Status: <strong>{electionStatusLabels[election.status]}</strong>
        {turnout && (
          <>
            {" "}
            · {turnout.voted} of {turnout.rollSize} ownerships on the roll have voted ({turnout.online} online, {turnout.paper} on paper)
          </>
        )}
      </p>
      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link prefetch={false} href={`${page}/preview`}>Preview the ballot</Link>
        </li>
        {election.status !== "draft" && (
          <>
            <li>
              <Link prefetch={false} href={`/elections/${election.slug}`}>Public page</Link>
            </li>
            <li>
              <Link prefetch={false} href={`${page}/roll`}>Roll</Link>
            </li>
            <li>
              <Link prefetch={false} href={`${page}/paper`}>Paper ballots</Link>
            </li>
            <li>
              <Link prefetch={false} href={`${page}/results`}>Results</Link>
            </li>
          </>
        )}
      </ul>
      {editable && <DraftControls id={election.id} confirming={confirm === "open" || confirm === "delete" ? confirm : null} openNow={openElectionNowAction} deleteDraft={deleteDraftElectionAction} />}
      {editable ? (
        <>
          <details className="mt-8" open={!ballot.races.length && !ballot.measures.length}>
            <summary className="cursor-pointer text-xl font-bold text-leaf-900">Settings: dates, roll, quorum</summary>
            <ElectionEditor
              action={saveElectionAction}
              election={{
                id: election.id,
                title: election.title,
                slug: election.slug,
                description: election.description,
                opensAt: storeDateTimeInput(election.opensAt),
                closesAt: storeDateTimeInput(election.closesAt),
                recordDate: election.recordDate,
                eligibility: election.eligibility,
                quorumKind: election.quorumKind,
                quorumValue: election.quorumValue,
                voters: election.voters,
              }}
            />
          </details>
          <DraftBallot electionId={election.id} ballot={ballot} actions={{ saveRace: saveRaceAction, saveCandidate: saveCandidateAction, saveMeasure: saveMeasureAction, arrange: arrangeBallotAction }} />
        </>
      ) : (
        <>
          {election.status === "draft" && <p className="mt-4 max-w-prose">This is a draft: admins write its ballot. It is shown here as it stands.</p>}
          <ElectionFacts election={view} />
          <ElectionContests election={view} />
        </>
      )}
    </>
  );
}
