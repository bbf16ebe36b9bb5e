import { eq } from "drizzle-orm";
import { checkBallot } from "@/lib/model/election-ballots";
import { tallyElection } from "@/lib/model/election-tally";
import { storeDay } from "@/lib/model/format";
import { castBallot } from "../queries/election-ballots";
import { electionTurnout, writeElectionRoll } from "../queries/election-roll";
import { getBallotDefinition, getElectionBySlug } from "../queries/elections";
import type { Executor } from "../queries/executor";
import { electionBallots, electionCandidates, electionMeasures, electionPaperBatches, electionRaces, electionRoll, elections, owners } from "../schema";
import { demoOpenElection, demoPastElection, type DemoElection } from "../seed-data/demo-elections";

const dayMs = 86_400_000;

/** The election's row (a draft) with its one race and one measure, as the texts give them. */
function insertElection(executor: Executor, demo: DemoElection, window: { opensAt: Date; closesAt: Date; recordDate: string }) {
  const id = executor
    .insert(elections)
    .values({ slug: demo.slug, title: demo.title, description: demo.description, ...window, quorumKind: "percent", quorumValue: 10, createdAt: new Date(window.opensAt.getTime() - 14 * dayMs), updatedAt: window.opensAt })
    .returning({ id: elections.id })
    .get().id;
  const { title, seats, writeIn, candidateOrder, candidates } = demo.race;
  const raceId = executor.insert(electionRaces).values({ electionId: id, position: 1, title, seats, writeIn, candidateOrder }).returning({ id: electionRaces.id }).get().id;
  candidates.forEach((candidate, position) => executor.insert(electionCandidates).values({ raceId, position: position + 1, ...candidate }).run());
  executor.insert(electionMeasures).values({ electionId: id, position: 1, ...demo.measure }).run();
  return id;
}

/**
 * "Board of directors 2027", open since yesterday for three weeks. Its roll is written as
 * opening writes it, with today as the record date: the demo ownerships are created today,
 * and the roll counts an ownership from the moment its row was made. It gets no ballot
 * links and queues no ballot email: the portal's tests count the mail sent to the demo
 * addresses, and the demo owner votes signed in.
 */
function seedOpenElection(executor: Executor, now: Date) {
  const opensAt = new Date(now.getTime() - dayMs);
  const id = insertElection(executor, demoOpenElection, { opensAt, closesAt: new Date(now.getTime() + 21 * dayMs), recordDate: storeDay(now) });
  writeElectionRoll(executor, id, { recordDate: storeDay(now), eligibility: "approved", now: opensAt });
}

/**
 * "Board of directors 2026", held after the demo owner joined and certified since. The
 * demo ownerships are created today although the story has them join months ago, so
 * their roll is written directly rather than by writeElectionRoll, which goes by when the
 * rows were made. Each ownership on it voted online; a paper batch would need as many
 * ownerships marked as voting on paper, and the demo has no more, so the results stay
 * true to the roll. The results are counted by the same tally the close will use.
 */
function seedPastElection(executor: Executor, now: Date, certifiedBy: string) {
  const demoOwners = executor.select({ id: owners.id, joinedOn: owners.joinedOn }).from(owners).where(eq(owners.status, "active")).all();
  const opensAt = new Date(now.getTime() - 75 * dayMs);
  const closesAt = new Date(now.getTime() - 54 * dayMs);
  const recordDate = demoOwners.map((owner) => owner.joinedOn).sort().at(-1) ?? storeDay(new Date(opensAt.getTime() - 30 * dayMs));
  const id = insertElection(executor, demoPastElection, { opensAt, closesAt, recordDate });
  executor.update(elections).set({ status: "open" }).where(eq(elections.id, id)).run();
  const definition = getBallotDefinition(executor, id);
  const [race] = definition.races;
  const [measure] = definition.measures;
  demoOwners.forEach((owner, index) => {
    executor.insert(electionRoll).values({ electionId: id, ownerId: owner.id, addedAt: opensAt }).run();
    const picks = race!.candidates.slice(index % 2, (index % 2) + race!.seats).map((candidate) => candidate.id);
    const checked = checkBallot(definition, { races: { [race!.id]: { candidates: picks, writeIns: [] } }, measures: { [measure!.id]: index % 3 === 2 ? "no" : "yes" } });
    if (!checked.ok) throw new Error(`The demo ballot is refused: ${checked.reason}`);
    castBallot(executor, { electionId: id, ownerId: owner.id, choices: checked.choices, now: new Date(opensAt.getTime() + (index + 2) * 3_600_000), channel: "online" });
  });
  const ballots = executor.select({ choices: electionBallots.choices }).from(electionBallots).where(eq(electionBallots.electionId, id)).all();
  const paper = executor.select({ totals: electionPaperBatches.totals }).from(electionPaperBatches).where(eq(electionPaperBatches.electionId, id)).all();
  const turnout = electionTurnout(executor, id);
  const results = tallyElection(
    definition,
    ballots.map((ballot) => ballot.choices),
    paper.map((batch) => batch.totals),
    { size: turnout.rollSize, voted: turnout.voted },
    { kind: "percent", value: 10 },
  );
  const certifiedAt = new Date(closesAt.getTime() + 3 * dayMs);
  executor.update(elections).set({ status: "certified", resultsJson: results, certifiedAt, certifiedBy, updatedAt: certifiedAt }).where(eq(elections.id, id)).run();
}

/**
 * Demo mode only: an election open now with the demo owner on its roll and not voted, and
 * last year's with certified results. Each is added only when no election has its slug,
 * so seeding again adds nothing. Returns how many it added.
 */
export function seedDemoElections(executor: Executor, adminUserId: string) {
  const now = new Date();
  let added = 0;
  if (!getElectionBySlug(executor, demoPastElection.slug)) {
    seedPastElection(executor, now, adminUserId);
    added += 1;
  }
  if (!getElectionBySlug(executor, demoOpenElection.slug)) {
    seedOpenElection(executor, now);
    added += 1;
  }
  return added;
}
