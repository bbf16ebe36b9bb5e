import "server-only";
import type { ElectionBallot } from "@/db/queries/elections";
import type { Election } from "@/db/schema";
import { markdownToTree } from "@/lib/markdown/to-tree";

/**
 * What the election's page shows of its settings and ballot, whatever its status: the
 * public page adds turnout and certified results to it, and the staff pages show it as
 * it is for a draft's preview or an open election's read-only ballot.
 */
export function electionPageView(election: Election, ballot: ElectionBallot) {
  return {
    slug: election.slug,
    title: election.title,
    description: markdownToTree(election.description),
    opensAt: election.opensAt.toISOString(),
    closesAt: election.closesAt.toISOString(),
    recordDate: election.recordDate,
    eligibility: election.eligibility,
    voters: election.voters,
    quorum: { kind: election.quorumKind, value: election.quorumValue },
    races: ballot.races.map((race) => ({
      id: race.id,
      title: race.title,
      seats: race.seats,
      writeIn: race.writeIn,
      // The page lists candidates by name whatever the ballot's order: a shuffled ballot is
      // shuffled per voter, and a fixed page order would favour whoever is first.
      candidates: [...race.candidates]
        .sort((a, b) => a.name.localeCompare(b.name, "en"))
        .map((candidate) => ({ id: candidate.id, name: candidate.name, statement: markdownToTree(candidate.statement) })),
    })),
    measures: ballot.measures.map((measure) => ({ id: measure.id, title: measure.title, text: markdownToTree(measure.text) })),
  };
}
