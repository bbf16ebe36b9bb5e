import "server-only";
import { randomInt } from "node:crypto";
import { MarkdownContent } from "@/components/site/markdown";
import type { ElectionBallot } from "@/db/queries/elections";
import { orderCandidates } from "@/lib/model/election-ballots";
import type { BallotView } from "./ballot-form";

/** A shuffled race's order comes from the system's random source, fresh for every ballot drawn. */
const cryptoRandom = () => randomInt(0, 2 ** 32) / 2 ** 32;

/**
 * The ballot as the form shows it: each race's candidates in the race's order (shuffled
 * afresh for a shuffled race), statements and measure texts drawn from their Markdown.
 * The ballot page and the staff preview both draw it here, so the preview is the ballot.
 */
export function ballotViewOf(ballot: ElectionBallot): BallotView {
  return {
    races: ballot.races.map((race) => ({
      id: race.id,
      title: race.title,
      seats: race.seats,
      writeIn: race.writeIn,
      candidates: orderCandidates(race, race.candidateOrder, cryptoRandom).map((candidate) => ({
        id: candidate.id,
        name: candidate.name,
        statement: candidate.statement ? <MarkdownContent source={candidate.statement} /> : null,
      })),
    })),
    measures: ballot.measures.map((measure) => ({ id: measure.id, title: measure.title, text: <MarkdownContent source={measure.text} /> })),
  };
}
