import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BallotForm, type BallotView } from "@/components/elections/ballot-form";
import { ballotViewOf } from "@/components/elections/ballot-view";
import { ElectionContests } from "@/components/elections/election-contests";
import { ElectionFacts } from "@/components/elections/election-facts";
import { MarkdownTree } from "@/components/site/markdown-tree";
import { db } from "@/db";
import { getElectionById } from "@/db/queries/elections";
import { requirePageRole } from "@/lib/auth/session";
import { staffElectionView } from "@/lib/elections/staff-view";
import { formatDateTime } from "@/lib/model/format";

export const metadata: Metadata = { title: "Ballot preview" };

type Props = { params: Promise<{ id: string }> };


/**
 * The ballot exactly as a voter will see it (the same form, candidates in the race's
 * order, the review step with JavaScript), then the election's public page as it will
 * read. The form has no action: nothing can be cast from here.
 */
export default async function ElectionPreviewPage({ params }: Props) {
  const { id } = await params;
  await requirePageRole("staff", `/staff/elections/${id}/preview`);
  const election = /^\d{1,12}$/.test(id) ? getElectionById(db, Number(id)) : null;
  if (!election) notFound();
  const { view, ballot } = staffElectionView(election);
  const shown: BallotView = ballotViewOf(ballot);
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/elections">Elections</Link> › <Link prefetch={false} href={`/staff/elections/${election.id}`}>{election.title}</Link> › Preview
      </p>
      <p role="note" className="mt-4 rounded-md border border-amber-700 bg-amber-50 px-4 py-3 font-semibold">
        Preview: this is what voters will see. Nothing can be cast from it.
      </p>
      <section aria-labelledby="ballot-preview" className="mt-6 rounded-lg border border-gray-300 p-5">
        <h1 id="ballot-preview" className="text-3xl font-bold text-leaf-900">
          {election.title}
        </h1>
        <p className="mt-2 max-w-prose">
          Your ballot is secret: the co-op records that your household voted, never how. Voting closes {formatDateTime(election.closesAt)}.
        </p>
        {shown.races.length === 0 && shown.measures.length === 0 ? (
          <p className="mt-4">The ballot is empty: there is nothing to vote on yet.</p>
        ) : (
          <BallotForm slug={election.slug} ballot={shown} voted={null} preview />
        )}
      </section>
      <section aria-labelledby="page-preview" className="mt-10 rounded-lg border border-gray-300 p-5">
        <h2 id="page-preview" className="text-2xl font-bold text-leaf-900">
          The election’s public page
        </h2>
        <div className="mt-4">
          <MarkdownTree tree={view.description} />
        </div>
        <ElectionFacts election={view} />
        <ElectionContests election={view} />
      </section>
    </>
  );
}
