import { stringify } from "csv-stringify/sync";
import { neutraliseFormula } from "@/lib/csv";
import type { ElectionResults } from "@/lib/model/election-tally";
import { measureAnswers } from "@/lib/model/elections";

const columns = ["section", "contest", "choice", "online", "paper", "total", "outcome"];

/**
 * Counted results as CSV, one line per choice: each race's candidates and write-ins (with
 * elected or tied), each measure's answers, then ballots, turnout and quorum. Write-in
 * names come from ballots, so every text cell is kept from running as a formula.
 */
export function resultsCsv(results: ElectionResults) {
  const rows: (string | number)[][] = [];
  for (const race of results.races) {
    for (const line of race.candidates) {
      const elected = race.elected.some((winner) => winner.candidateId === line.candidateId && winner.name === line.name);
      const outcome = elected ? "elected" : race.tiedAt.includes(line.name) ? "tied" : "";
      rows.push(["race", race.title, line.writeIn ? `${line.name} (write-in)` : line.name, line.online, line.paper, line.total, outcome]);
    }
  }
  for (const measure of results.measures) {
    for (const answer of measureAnswers) rows.push(["measure", measure.title, answer, measure.answers[answer].online, measure.answers[answer].paper, measure.answers[answer].total, ""]);
  }
  rows.push(["ballots", "ballots counted", "", results.ballots.online, results.ballots.paper, results.ballots.total, ""]);
  rows.push(["turnout", "ownerships that voted", `of ${results.turnout.rollSize} on the roll`, "", "", results.turnout.voted, ""]);
  rows.push(["quorum", "ownerships needed", "", "", "", results.quorum.needed, results.quorum.met ? "met" : "not met"]);
  return stringify(
    rows.map((row) => row.map((cell) => (typeof cell === "string" ? neutraliseFormula(cell) : cell))),
    { header: true, columns, bom: true },
  );
}
