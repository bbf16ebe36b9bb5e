import "server-only";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { BallotDefinition, CandidateOrder, ElectionStatus } from "@/lib/model/elections";
import { electionCandidates, electionMeasures, electionRaces, electionReceipts, elections, type Election } from "../schema";
import type { Executor } from "./executor";

export function getElectionById(executor: Executor, id: number): Election | null {
  return executor.select().from(elections).where(eq(elections.id, id)).get() ?? null;
}

/** Whether the ballot has anything to vote on: at least one race or one measure. */
export function hasBallotItems(executor: Executor, electionId: number) {
  const races = executor.select({ n: sql<number>`count(*)` }).from(electionRaces).where(eq(electionRaces.electionId, electionId)).get()!.n;
  const measures = executor.select({ n: sql<number>`count(*)` }).from(electionMeasures).where(eq(electionMeasures.electionId, electionId)).get()!.n;
  return races + measures > 0;
}

export function getElectionBySlug(executor: Executor, slug: string): Election | null {
  return executor.select().from(elections).where(eq(elections.slug, slug)).get() ?? null;
}

/** Elections in the given statuses (all by default), the latest to open first. */
export function listElections(executor: Executor, statuses?: readonly ElectionStatus[]) {
  return executor
    .select({
      id: elections.id,
      slug: elections.slug,
      title: elections.title,
      status: elections.status,
      opensAt: elections.opensAt,
      closesAt: elections.closesAt,
      certifiedAt: elections.certifiedAt,
    })
    .from(elections)
    .where(statuses ? inArray(elections.status, [...statuses]) : undefined)
    .orderBy(desc(elections.opensAt), desc(elections.id))
    .all();
}

/**
 * The ballot as the election page and the ballot form show it: what `BallotDefinition`
 * checks a cast ballot against, plus the texts to read (statements, measure texts) and
 * how each race orders its candidates. Candidates come in the order staff entered them;
 * sorting or shuffling them for a voter is the page's part.
 */
export type ElectionBallot = {
  races: (BallotDefinition["races"][number] & {
    candidateOrder: CandidateOrder;
    candidates: { id: number; name: string; statement: string }[];
  })[];
  measures: (BallotDefinition["measures"][number] & { text: string })[];
};

export function getBallotDefinition(executor: Executor, electionId: number): ElectionBallot {
  const races = executor.select().from(electionRaces).where(eq(electionRaces.electionId, electionId)).orderBy(asc(electionRaces.position)).all();
  const candidates = races.length
    ? executor
        .select()
        .from(electionCandidates)
        .where(inArray(electionCandidates.raceId, races.map((race) => race.id)))
        .orderBy(asc(electionCandidates.raceId), asc(electionCandidates.position))
        .all()
    : [];
  const measures = executor.select().from(electionMeasures).where(eq(electionMeasures.electionId, electionId)).orderBy(asc(electionMeasures.position)).all();
  return {
    races: races.map((race) => ({
      id: race.id,
      title: race.title,
      seats: race.seats,
      writeIn: race.writeIn,
      candidateOrder: race.candidateOrder,
      candidates: candidates.filter((candidate) => candidate.raceId === race.id).map(({ id, name, statement }) => ({ id, name, statement })),
    })),
    measures: measures.map(({ id, title, text }) => ({ id, title, text })),
  };
}

/** Whether ballots are taken at `now`: the election is open and `now` is in [opensAt, closesAt). */
export function isTakingBallots(election: Pick<Election, "status" | "opensAt" | "closesAt">, now: Date) {
  return election.status === "open" && election.opensAt <= now && now < election.closesAt;
}

/**
 * The receipt codes of an election's counted ballots, in code order: the codes are random,
 * so the order says nothing about who voted when. Published only with certified results.
 */
export function listReceiptCodes(executor: Executor, electionId: number): string[] {
  return executor
    .select({ code: electionReceipts.code })
    .from(electionReceipts)
    .where(eq(electionReceipts.electionId, electionId))
    .orderBy(asc(electionReceipts.code))
    .all()
    .map((row) => row.code);
}
