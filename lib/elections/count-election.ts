import "server-only";
import { listCountInputs, saveResults } from "@/db/queries/election-running";
import { electionTurnout } from "@/db/queries/election-roll";
import { getBallotDefinition } from "@/db/queries/elections";
import type { Executor } from "@/db/queries/executor";
import type { Election } from "@/db/schema";
import { tallyElection } from "@/lib/model/election-tally";

/**
 * Counts an election: its online ballots and paper batches, per choice, with turnout from
 * the roll and the quorum. Run it inside the transaction that stores what it answers, so
 * that no ballot or batch can come in between the count and its record.
 */
export function countElection(executor: Executor, election: Pick<Election, "id" | "quorumKind" | "quorumValue">) {
  const { ballots, paper } = listCountInputs(executor, election.id);
  const turnout = electionTurnout(executor, election.id);
  return tallyElection(getBallotDefinition(executor, election.id), ballots, paper, { size: turnout.rollSize, voted: turnout.voted }, { kind: election.quorumKind, value: election.quorumValue });
}

/** Counts a closed election again and stores the results: a paper batch entered after the close changes them. */
export function recountClosedElection(executor: Executor, election: Pick<Election, "id" | "status" | "quorumKind" | "quorumValue">, now: Date) {
  if (election.status !== "closed") return;
  saveResults(executor, election.id, countElection(executor, election), now);
}
