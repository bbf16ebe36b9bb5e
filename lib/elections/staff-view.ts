import "server-only";
import { db } from "@/db";
import { getBallotDefinition, type ElectionBallot } from "@/db/queries/elections";
import type { Election } from "@/db/schema";
import type { PublicElection } from "./cached";
import { electionPageView } from "./page-view";

/**
 * An election as its public page would show it, for staff, in any status and uncached: a
 * draft's preview and an open election's read-only ballot. Results and receipt codes are
 * left out: the staff results page has them, and only once counted.
 */
export function staffElectionView(election: Election): { view: PublicElection; ballot: ElectionBallot } {
  const ballot = getBallotDefinition(db, election.id);
  const view: PublicElection = {
    ...electionPageView(election, ballot),
    // A draft is never public, so the public type has no draft status; the page's parts shown here do not read it.
    status: election.status as PublicElection["status"],
    turnout: null,
    results: null,
    certifiedAt: null,
    receiptCodes: [],
  };
  return { view, ballot };
}
