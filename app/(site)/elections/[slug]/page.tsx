import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ElectionContests } from "@/components/elections/election-contests";
import { ElectionFacts } from "@/components/elections/election-facts";
import { ElectionResultsView } from "@/components/elections/election-results";
import { HowToVote } from "@/components/elections/how-to-vote";
import { ReceiptCodeList } from "@/components/elections/receipt-code-list";
import { TurnoutMeter } from "@/components/elections/turnout-meter";
import { MarkdownTree } from "@/components/site/markdown-tree";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { getCachedElectionList, getCachedPublicElection, isOpenForVoting } from "@/lib/elections/cached";
import { formatDateTime } from "@/lib/model/format";
import { getCachedSiteSettings } from "@/lib/site/cached";
import { shareImage } from "@/lib/site";

type Props = { params: Promise<{ slug: string }> };

// Every public election is prerendered; one that opens later renders on its first request
// and is cached from then on. Drafts are 404. Turnout and status expire by tag when a vote
// is recorded (revalidateElection) and after a minute in any case.
export async function generateStaticParams() {
  return (await getCachedElectionList()).map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const election = await getCachedPublicElection(slug);
  if (!election) return {};
  const description = `${election.title}: the candidates, the measures, the dates and how owners vote.`;
  return {
    title: `${election.title} · Elections`,
    description,
    alternates: { canonical: `/elections/${slug}` },
    openGraph: { title: election.title, description, url: `/elections/${slug}`, images: [shareImage] },
  };
}

export default async function ElectionPage({ params }: Props) {
  const { slug } = await params;
  const [election, settings] = await Promise.all([getCachedPublicElection(slug), getCachedSiteSettings()]);
  if (!election) notFound();
  const open = isOpenForVoting(election, new Date());
  return (
    <>
      <Breadcrumb trail={[{ href: "/elections", label: "Elections" }]} current={election.title} />
      <article>
        <h1 className="text-3xl font-bold text-leaf-900">{election.title}</h1>
        <p className="mt-2 text-lg font-semibold">
          {open
            ? `Voting is open until ${formatDateTime(election.closesAt)}.`
            : election.results
              ? `Voting has closed. The results were certified on ${formatDateTime(election.certifiedAt)}.`
              : "Voting has closed. The votes are being counted; the results appear here once they are certified."}
        </p>
        <div className="mt-4">
          <MarkdownTree tree={election.description} />
        </div>
        {open && election.turnout && <TurnoutMeter turnout={election.turnout} />}
        {election.results && <ElectionResultsView results={election.results} />}
        {election.results && <ReceiptCodeList codes={election.receiptCodes} />}
        <ElectionFacts election={election} />
        <ElectionContests election={election} />
        {open && <HowToVote settings={settings} />}
      </article>
    </>
  );
}
