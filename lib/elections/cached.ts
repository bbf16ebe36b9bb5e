import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/db";
import { electionTurnout } from "@/db/queries/election-roll";
import { getBallotDefinition, getElectionBySlug, listElections, listReceiptCodes } from "@/db/queries/elections";
import { cacheTags } from "@/lib/cache-tags";
import type { ElectionResults } from "@/lib/model/election-tally";
import { quorumMet, quorumNeeded, type ElectionStatus } from "@/lib/model/elections";
import { electionPageView } from "./page-view";

// Public reads of elections, cached under `elections` and `election:<slug>`. Drafts never
// leave this file. Turnout changes with every vote and an election opens by the server's
// clock (the opener loop), so the entries also expire after a minute: the backstop when a
// caller forgets revalidateElection, and the page's own lifetime anyway (app/layout.tsx).
// Running tallies are never read here: results come only from a certified election's
// stored results, receipt codes only once certified.

const PUBLIC_STATUSES = ["open", "closed", "certified"] as const satisfies readonly ElectionStatus[];
const MINUTE = 60;

export type ElectionListItem = { slug: string; title: string; status: ElectionStatus; opensAt: string; closesAt: string; certifiedAt: string | null };

export const getCachedElectionList = unstable_cache(
  async (): Promise<ElectionListItem[]> =>
    listElections(db, PUBLIC_STATUSES).map(({ slug, title, status, opensAt, closesAt, certifiedAt }) => ({
      slug,
      title,
      status,
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      certifiedAt: certifiedAt?.toISOString() ?? null,
    })),
  ["elections-public"],
  { tags: [cacheTags.elections], revalidate: MINUTE },
);

function loadPublicElection(slug: string) {
  const election = getElectionBySlug(db, slug);
  if (!election || election.status === "draft") return null;
  const ballot = getBallotDefinition(db, election.id);
  const certified = election.status === "certified";
  const turnout = election.status === "open" ? electionTurnout(db, election.id) : null;
  const needed = turnout ? quorumNeeded(turnout.rollSize, election.quorumKind, election.quorumValue) : 0;
  return {
    ...electionPageView(election, ballot),
    status: election.status,
    turnout: turnout && { rollSize: turnout.rollSize, voted: turnout.voted, needed, met: quorumMet(turnout.voted, needed) },
    results: certified ? (election.resultsJson as ElectionResults) : null,
    certifiedAt: certified ? (election.certifiedAt?.toISOString() ?? null) : null,
    receiptCodes: certified ? listReceiptCodes(db, election.id) : [],
  };
}

export type PublicElection = NonNullable<ReturnType<typeof loadPublicElection>>;

/** An election's public page data (open, closed or certified), or null for a draft or no such slug. */
export function getCachedPublicElection(slug: string): Promise<PublicElection | null> {
  return unstable_cache(async () => loadPublicElection(slug), ["election-public", slug], {
    tags: [cacheTags.elections, cacheTags.election(slug)],
    revalidate: MINUTE,
  })();
}


/** Whether ballots are taken at `now`, as the public pages tell it. */
export function isOpenForVoting(election: { status: ElectionStatus; opensAt: string; closesAt: string }, now: Date) {
  return election.status === "open" && new Date(election.opensAt) <= now && now < new Date(election.closesAt);
}
