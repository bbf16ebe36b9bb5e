import { cellClass, DataTable } from "@/components/ui/data-table";
import type { ElectionResults } from "@/lib/model/election-tally";
import { measureAnswers } from "@/lib/model/elections";

const answerLabels = { yes: "Yes", no: "No", abstain: "Abstain" } as const;

function listNames(names: string[]) {
  return names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Certified results: votes per choice, online and on paper, turnout and quorum. */
export function ElectionResultsView({ results }: { results: ElectionResults }) {
  const { ballots, turnout, quorum } = results;
  return (
    <section aria-labelledby="results" className="mt-8">
      <h2 id="results" className="text-2xl font-bold text-leaf-900">
        Results
      </h2>
      <p className="mt-2">
        {ballots.total} {ballots.total === 1 ? "ballot" : "ballots"} counted: {ballots.online} online and {ballots.paper} on paper.{" "}
        {turnout.voted} of {turnout.rollSize} ownerships voted ({Math.round(turnout.fraction * 100)}%). The quorum was {quorum.needed}:{" "}
        {quorum.met ? "it was met." : "it was not met."}
      </p>
      {results.races.map((race) => (
        // Plain blocks, not named regions: the ballot's own sections below already carry these names.
        <div key={race.raceId} className="mt-6">
          <h3 className="text-xl font-bold text-leaf-900">
            {race.title}: {race.seats} {race.seats === 1 ? "seat" : "seats"}
          </h3>
          <DataTable caption={`Votes for ${race.title}`} headers={["Candidate", "Online", "Paper", "Total", "Outcome"]}>
            {race.candidates.map((line) => {
              const elected = race.elected.some((winner) => winner.candidateId === line.candidateId && winner.name === line.name);
              const tied = race.tiedAt.includes(line.name);
              return (
                <tr key={`${line.candidateId ?? "write-in"}-${line.name}`}>
                  <th scope="row" className={`${cellClass} font-normal`}>
                    {line.name}
                    {line.writeIn ? " (write-in)" : ""}
                  </th>
                  <td className={cellClass}>{line.online}</td>
                  <td className={cellClass}>{line.paper}</td>
                  <td className={cellClass}>{line.total}</td>
                  <td className={cellClass}>{elected ? <strong>Elected</strong> : tied ? "Tied" : ""}</td>
                </tr>
              );
            })}
          </DataTable>
          {race.tie && (
            <p className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3">
              <strong>A tie:</strong> {listNames(race.tiedAt)} have the same number of votes for the last{" "}
              {race.seatsInTie === 1 ? "seat" : `${race.seatsInTie} seats`}. The board settles it by the rule in the bylaws; the count does
              not.
            </p>
          )}
        </div>
      ))}
      {results.measures.map((measure) => (
        <div key={measure.measureId} className="mt-6">
          <h3 className="text-xl font-bold text-leaf-900">
            {measure.title}
          </h3>
          <DataTable caption={`Answers to ${measure.title}`} headers={["Answer", "Online", "Paper", "Total"]}>
            {measureAnswers.map((answer) => (
              <tr key={answer}>
                <th scope="row" className={`${cellClass} font-normal`}>
                  {answerLabels[answer]}
                </th>
                <td className={cellClass}>{measure.answers[answer].online}</td>
                <td className={cellClass}>{measure.answers[answer].paper}</td>
                <td className={cellClass}>{measure.answers[answer].total}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      ))}
    </section>
  );
}
