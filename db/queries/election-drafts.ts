import "server-only";
import { and, asc, desc, eq, gt, lt } from "drizzle-orm";
import { CANDIDATES_MAX, MEASURES_MAX, RACES_MAX } from "@/lib/model/elections";
import { refusals } from "@/lib/model/errors";
import type { BallotItemKind, CandidateDraftInput, ElectionDraftInput, MeasureDraftInput, RaceDraftInput } from "@/lib/validations/election-drafts";
import { electionCandidates, electionMeasures, electionRaces, elections, type Election } from "../schema";
import type { Executor } from "./executor";
import { hasBallotItems } from "./elections";
import { freeSlug } from "./free-slug";

/**
 * Writes to an election while it is a draft. Every write reads the election's status in
 * the caller's IMMEDIATE transaction and refuses unless it is a draft, so that nothing on
 * the ballot changes once voting has opened, however two admins' requests interleave.
 */
export type ElectionDraftRefusal = "election_not_found" | "slug_taken" | "ballot_frozen" | "ballot_item_not_found" | "ballot_full" | "ballot_empty";
const refuse = refusals<ElectionDraftRefusal>();

type ElectionFields = Omit<ElectionDraftInput, "id" | "slug"> & { slug: string };

/** The election, which must still be a draft: `election_not_found`, or `ballot_frozen` once it opened. */
export function requireDraftElection(executor: Executor, electionId: number): Election {
  const election = executor.select().from(elections).where(eq(elections.id, electionId)).get();
  if (!election) throw refuse("not_found", "election_not_found");
  if (election.status !== "draft") throw refuse("conflict", "ballot_frozen");
  return election;
}

function slugTaken(executor: Executor, slug: string, exceptId?: number) {
  const row = executor.select({ id: elections.id }).from(elections).where(eq(elections.slug, slug)).get();
  return Boolean(row && row.id !== exceptId);
}

/** A new election's address made from its title: `base`, or `base-2`… when taken. */
export const freeElectionSlug = (executor: Executor, base: string) => freeSlug(executor, elections, base);

/** Adds a draft election; `conflict` (`slug_taken`) when its address is in use. Answers its id. */
export function insertDraftElection(executor: Executor, fields: ElectionFields): number {
  if (slugTaken(executor, fields.slug)) throw refuse("conflict", "slug_taken");
  return executor.insert(elections).values({ ...fields, status: "draft" }).returning({ id: elections.id }).get().id;
}

/** Saves a draft's own fields. Answers the election as it was. */
export function updateDraftElection(executor: Executor, id: number, fields: ElectionFields): Election {
  const before = requireDraftElection(executor, id);
  if (fields.slug !== before.slug && slugTaken(executor, fields.slug, id)) throw refuse("conflict", "slug_taken");
  executor.update(elections).set({ ...fields, updatedAt: new Date() }).where(and(eq(elections.id, id), eq(elections.status, "draft"))).run();
  return before;
}

/** Deletes a draft with its ballot. An election that ever opened has a roll and is never deleted (`ballot_frozen`). */
export function deleteDraftElection(executor: Executor, id: number): Election {
  const before = requireDraftElection(executor, id);
  executor.delete(elections).where(and(eq(elections.id, id), eq(elections.status, "draft"))).run();
  return before;
}

const touch = (executor: Executor, electionId: number) => executor.update(elections).set({ updatedAt: new Date() }).where(eq(elections.id, electionId)).run();

/** Where a new item goes: after the last. */
const nextPosition = (last: { position: number } | undefined) => (last ? last.position + 1 : 1);

/** Adds a race to a draft (when `id` is not given) or edits one of its races. Answers the race's id. */
export function saveDraftRace(executor: Executor, { electionId, id, ...fields }: RaceDraftInput): number {
  requireDraftElection(executor, electionId);
  touch(executor, electionId);
  if (id !== undefined) {
    const done = executor.update(electionRaces).set(fields).where(and(eq(electionRaces.id, id), eq(electionRaces.electionId, electionId))).run();
    if (done.changes === 0) throw refuse("not_found", "ballot_item_not_found");
    return id;
  }
  const races = executor.select({ position: electionRaces.position }).from(electionRaces).where(eq(electionRaces.electionId, electionId)).orderBy(desc(electionRaces.position)).all();
  if (races.length >= RACES_MAX) throw refuse("conflict", "ballot_full");
  return executor.insert(electionRaces).values({ ...fields, electionId, position: nextPosition(races[0]) }).returning({ id: electionRaces.id }).get().id;
}

/** The election a race belongs to, or `ballot_item_not_found`. */
function electionOfRace(executor: Executor, raceId: number) {
  const race = executor.select({ electionId: electionRaces.electionId }).from(electionRaces).where(eq(electionRaces.id, raceId)).get();
  if (!race) throw refuse("not_found", "ballot_item_not_found");
  return race.electionId;
}

/** Adds a candidate to a draft's race (when `id` is not given) or edits one. Answers the election's and the candidate's ids. */
export function saveDraftCandidate(executor: Executor, { raceId, id, ...fields }: CandidateDraftInput) {
  const electionId = electionOfRace(executor, raceId);
  requireDraftElection(executor, electionId);
  touch(executor, electionId);
  if (id !== undefined) {
    const done = executor.update(electionCandidates).set(fields).where(and(eq(electionCandidates.id, id), eq(electionCandidates.raceId, raceId))).run();
    if (done.changes === 0) throw refuse("not_found", "ballot_item_not_found");
    return { electionId, id };
  }
  const candidates = executor.select({ position: electionCandidates.position }).from(electionCandidates).where(eq(electionCandidates.raceId, raceId)).orderBy(desc(electionCandidates.position)).all();
  if (candidates.length >= CANDIDATES_MAX) throw refuse("conflict", "ballot_full");
  const created = executor.insert(electionCandidates).values({ ...fields, raceId, position: nextPosition(candidates[0]) }).returning({ id: electionCandidates.id }).get().id;
  return { electionId, id: created };
}

/** Adds a measure to a draft (when `id` is not given) or edits one. Answers the measure's id. */
export function saveDraftMeasure(executor: Executor, { electionId, id, ...fields }: MeasureDraftInput): number {
  requireDraftElection(executor, electionId);
  touch(executor, electionId);
  if (id !== undefined) {
    const done = executor.update(electionMeasures).set(fields).where(and(eq(electionMeasures.id, id), eq(electionMeasures.electionId, electionId))).run();
    if (done.changes === 0) throw refuse("not_found", "ballot_item_not_found");
    return id;
  }
  const measures = executor.select({ position: electionMeasures.position }).from(electionMeasures).where(eq(electionMeasures.electionId, electionId)).orderBy(desc(electionMeasures.position)).all();
  if (measures.length >= MEASURES_MAX) throw refuse("conflict", "ballot_full");
  return executor.insert(electionMeasures).values({ ...fields, electionId, position: nextPosition(measures[0]) }).returning({ id: electionMeasures.id }).get().id;
}

/** Each kind's table, the column its siblings share, and how to find its election. */
const kinds = {
  race: { table: electionRaces, parent: electionRaces.electionId },
  candidate: { table: electionCandidates, parent: electionCandidates.raceId },
  measure: { table: electionMeasures, parent: electionMeasures.electionId },
} as const;

/**
 * Moves a race, candidate or measure one place up or down among its siblings, or takes it
 * off a draft's ballot (a race with its candidates). Moving the first up or the last down
 * changes nothing. Answers the election's id and the item's title or name, for the audit.
 */
export function arrangeDraftBallotItem(executor: Executor, kind: BallotItemKind, id: number, change: "up" | "down" | "remove") {
  const { table, parent } = kinds[kind];
  const item = executor.select({ parentId: parent, position: table.position, label: kind === "candidate" ? electionCandidates.name : kind === "race" ? electionRaces.title : electionMeasures.title }).from(table).where(eq(table.id, id)).get();
  if (!item) throw refuse("not_found", "ballot_item_not_found");
  const electionId = kind === "candidate" ? electionOfRace(executor, item.parentId) : item.parentId;
  requireDraftElection(executor, electionId);
  touch(executor, electionId);
  if (change === "remove") {
    executor.delete(table).where(eq(table.id, id)).run();
    return { electionId, label: item.label };
  }
  const neighbour = executor
    .select({ id: table.id, position: table.position })
    .from(table)
    .where(and(eq(parent, item.parentId), change === "up" ? lt(table.position, item.position) : gt(table.position, item.position)))
    .orderBy(change === "up" ? desc(table.position) : asc(table.position))
    .limit(1)
    .get();
  if (neighbour) {
    // Positions are unique among siblings, so the item steps aside while its neighbour takes its place.
    executor.update(table).set({ position: -1 }).where(eq(table.id, id)).run();
    executor.update(table).set({ position: item.position }).where(eq(table.id, neighbour.id)).run();
    executor.update(table).set({ position: neighbour.position }).where(eq(table.id, id)).run();
  }
  return { electionId, label: item.label };
}

/** A draft with something to vote on, ready to open: as requireDraftElection, and `ballot_empty` when it has no race and no measure. */
export function requireOpenableDraft(executor: Executor, electionId: number): Election {
  const election = requireDraftElection(executor, electionId);
  if (!hasBallotItems(executor, electionId)) throw refuse("conflict", "ballot_empty");
  return election;
}
