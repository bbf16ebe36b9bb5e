import Link from "next/link";
import type { ElectionStatus } from "@/lib/model/elections";

const statusWords: Readonly<Record<ElectionStatus, string>> = {
  draft: "Draft: not open yet",
  open: "Open",
  closed: "Closed: counted, waiting to be certified",
  certified: "Certified: results published",
};

const pages = [
  { path: "roll", label: "Roll" },
  { path: "paper", label: "Paper ballots" },
  { path: "results", label: "Results" },
] as const;

/** The heading of an election's running pages: its title and status, the way back, and its roll, paper and results pages. */
export function RunningElectionNav({ election, current, heading }: { election: { id: number; title: string; status: ElectionStatus }; current: (typeof pages)[number]["path"]; heading: string }) {
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href={`/staff/elections/${election.id}`}>
          Back to {election.title}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">
        {heading}: {election.title}
      </h1>
      <p className="mt-1 font-semibold">{statusWords[election.status]}</p>
      <nav aria-label="This election" className="mt-3">
        <ul className="flex flex-wrap gap-4">
          {pages.map((page) => (
            <li key={page.path}>
              <Link prefetch={false} href={`/staff/elections/${election.id}/${page.path}`} aria-current={page.path === current ? "page" : undefined} className={page.path === current ? "font-bold" : undefined}>
                {page.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
