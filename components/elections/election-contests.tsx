import { MarkdownTree } from "@/components/site/markdown-tree";
import type { PublicElection } from "@/lib/elections/cached";

/** The races with their candidates (by name) and statements, and each measure's full text. */
export function ElectionContests({ election }: { election: PublicElection }) {
  return (
    <>
      {election.races.map((race) => (
        <section key={race.id} aria-labelledby={`race-${race.id}`} className="mt-8">
          <h2 id={`race-${race.id}`} className="text-xl font-bold text-leaf-900">
            {race.title}
          </h2>
          <p className="mt-1 text-muted">
            Vote for up to {race.seats}.{race.writeIn ? " You may write in a name not listed." : ""} Candidates are listed by name.
          </p>
          <ul className="mt-4 space-y-4">
            {race.candidates.map((candidate) => (
              <li key={candidate.id} className="rounded-lg border border-leaf-100 bg-white p-5">
                <h3 className="mb-2 text-lg font-bold text-leaf-900">{candidate.name}</h3>
                <MarkdownTree tree={candidate.statement} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {election.measures.map((measure) => (
        <section key={measure.id} aria-labelledby={`measure-${measure.id}`} className="mt-8">
          <h2 id={`measure-${measure.id}`} className="text-xl font-bold text-leaf-900">
            {measure.title}
          </h2>
          <p className="mt-1 text-muted">Answer yes, no or abstain.</p>
          <div className="mt-4 rounded-lg border border-leaf-100 bg-white p-5">
            <MarkdownTree tree={measure.text} />
          </div>
        </section>
      ))}
    </>
  );
}
