import type { Metadata } from "next";
import Link from "next/link";
import { getCachedElectionList, isOpenForVoting, type ElectionListItem } from "@/lib/elections/cached";
import { formatDateTime } from "@/lib/model/format";
import { getCachedSiteSettings } from "@/lib/site/cached";
import { shareImage } from "@/lib/site";

export async function generateMetadata(): Promise<Metadata> {
  const { coopName } = await getCachedSiteSettings();
  const description = `Owner elections at ${coopName}: the board and bylaw votes open now, and the results of past ones.`;
  return {
    title: "Elections",
    description,
    alternates: { canonical: "/elections" },
    openGraph: { title: `Owner elections at ${coopName}`, description, url: "/elections", images: [shareImage] },
  };
}

function ElectionItem({ election, children }: { election: ElectionListItem; children: React.ReactNode }) {
  return (
    <li className="rounded-lg border border-leaf-100 bg-white p-5">
      <h3 className="text-lg font-bold">
        <Link href={`/elections/${election.slug}`}>{election.title}</Link>
      </h3>
      <p className="mt-1">{children}</p>
    </li>
  );
}

// Drafts never reach this list (lib/elections/cached.ts). Open or past is decided at render
// from the window, so an election whose close passes moves down without anyone saving.
export default async function ElectionsPage() {
  const elections = await getCachedElectionList();
  const now = new Date();
  const open = elections.filter((election) => isOpenForVoting(election, now));
  const past = elections.filter((election) => !isOpenForVoting(election, now) && new Date(election.opensAt) <= now);
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Elections</h1>
      <p className="mt-3 max-w-prose text-lg">
        Owners elect the board and vote on changes to the bylaws. Every ownership has one vote, cast online or on paper at the store.
      </p>
      <section aria-labelledby="open-elections" className="mt-8">
        <h2 id="open-elections" className="mb-3 text-2xl font-bold text-leaf-900">
          Open now
        </h2>
        {open.length > 0 ? (
          <ul className="space-y-3">
            {open.map((election) => (
              <ElectionItem key={election.slug} election={election}>
                Voting is open from {formatDateTime(election.opensAt)} until {formatDateTime(election.closesAt)}.
              </ElectionItem>
            ))}
          </ul>
        ) : (
          <p>No election is open right now.</p>
        )}
      </section>
      {past.length > 0 && (
        <section aria-labelledby="past-elections" className="mt-8">
          <h2 id="past-elections" className="mb-3 text-2xl font-bold text-leaf-900">
            Past elections
          </h2>
          <ul className="space-y-3">
            {past.map((election) => (
              <ElectionItem key={election.slug} election={election}>
                Voting closed {formatDateTime(election.closesAt)}:{" "}
                {election.status === "certified" ? "results published." : "being counted."}
              </ElectionItem>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
