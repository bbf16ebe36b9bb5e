import "server-only";
import { db } from "@/db";
import { getBallotDefinition, type ElectionBallot } from "@/db/queries/elections";
import type { Election } from "@/db/schema";
import { markdownToTree } from "@/lib/markdown/to-tree";
import type { PublicElection } from "./cached";

/**
 * An election as its public page would show it, for staff, in any status and uncached: a
 * draft's preview and an open election's read-only ballot. Results and receipt codes are
 * left out: the staff results page has them, and only once counted.
 */
export function staffElectionView(election: Election): { view: PublicElection; ballot: ElectionBallot } {
  const ballot = getBallotDefinition(db, election.id);
  const view: PublicElection = {
    slug: election.slug,
    title: election.title,
    // A draft is never public, so the public type has no draft status; the page's parts shown here do not read it.
    status: election.status as PublicElection["status"],
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
      // As on the public page: by name, whatever order the ballot uses.
      candidates: [...race.candidates]
        .sort((a, b) => a.name.localeCompare(b.name, "en"))
        .map((candidate) => ({ id: candidate.id, name: candidate.name, statement: markdownToTree(candidate.statement) })),
    })),
    measures: ballot.measures.map((measure) => ({ id: measure.id, title: measure.title, text: markdownToTree(measure.text) })),
    turnout: null,
    results: null,
    certifiedAt: null,
    receiptCodes: [],
  };
  return { view, ballot };
}
