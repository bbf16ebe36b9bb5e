import { render, screen, within } from "@testing-library/react";
import { ElectionResultsView } from "@/components/elections/election-results";
import { TurnoutMeter } from "@/components/elections/turnout-meter";
import { tallyElection } from "@/lib/model/election-tally";
import type { BallotDefinition, PaperTotals } from "@/lib/model/elections";

const definition: BallotDefinition = {
  races: [{ id: 1, title: "Board of directors", seats: 2, writeIn: false, candidates: [{ id: 11, name: "Ada" }, { id: 12, name: "Bo" }, { id: 13, name: "Cy" }] }],
  measures: [{ id: 2, title: "Bylaw amendment" }],
};

// Ada 3, Bo 2, Cy 2 for two seats: Ada is elected, Bo and Cy tie for the last seat.
const ballots = [
  { races: { "1": { candidates: [11, 12], writeIns: [] } }, measures: { "2": "yes" as const } },
  { races: { "1": { candidates: [11, 13], writeIns: [] } }, measures: { "2": "no" as const } },
];
const paper: PaperTotals[] = [{ ballots: 1, races: { "1": { candidates: { "11": 1, "12": 1, "13": 1 }, writeIns: {} } }, measures: { "2": { abstain: 1 } } }];

describe("ElectionResultsView", () => {
  const results = tallyElection(definition, ballots, paper, { size: 10, voted: 3 }, { kind: "percent", value: 50 });

  it("marks only those whose seat is certain as elected, and says a tie in words", () => {
    render(<ElectionResultsView results={results} />);
    const table = screen.getByRole("table", { name: "Votes for Board of directors" });
    const row = (name: string) => within(table).getByRole("rowheader", { name }).closest("tr")!;
    expect(within(row("Ada")).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["2", "1", "3", "Elected"]);
    expect(within(row("Bo")).getAllByRole("cell").at(-1)?.textContent).toBe("Tied");
    expect(within(row("Cy")).getAllByRole("cell").at(-1)?.textContent).toBe("Tied");
    expect(screen.getByText(/have the same number of votes/).textContent).toBe(
      "A tie: Bo and Cy have the same number of votes for the last seat. The board settles it by the rule in the bylaws; the count does not.",
    );
  });

  it("counts each answer to a measure, the ballots by channel, turnout and quorum", () => {
    render(<ElectionResultsView results={results} />);
    const table = screen.getByRole("table", { name: "Answers to Bylaw amendment" });
    const totals = ["Yes", "No", "Abstain"].map((name) => within(table).getByRole("rowheader", { name }).closest("tr")!.lastElementChild?.textContent);
    expect(totals).toEqual(["1", "1", "1"]);
    expect(screen.getByText(/ballots counted/).textContent).toBe(
      "3 ballots counted: 2 online and 1 on paper. 3 of 10 ownerships voted (30%). The quorum was 5: it was not met.",
    );
  });
});

describe("TurnoutMeter", () => {
  it("names the meter with the count and says how many more votes the quorum needs", () => {
    render(<TurnoutMeter turnout={{ rollSize: 40, voted: 7, needed: 10, met: false }} />);
    const meter = screen.getByRole("meter", { name: "7 of 40 ownerships have voted (18%)" });
    expect(meter).toHaveAttribute("value", "7");
    expect(meter).toHaveAttribute("max", "40");
    expect(screen.getByText(/^Quorum:/).textContent).toBe("Quorum: 10 ownerships. Not reached yet: 3 more votes are needed.");
  });

  it("says when the quorum is reached", () => {
    render(<TurnoutMeter turnout={{ rollSize: 40, voted: 10, needed: 10, met: true }} />);
    expect(screen.getByText(/^Quorum:/).textContent).toBe("Quorum: 10 ownerships. The quorum has been reached.");
  });
});
