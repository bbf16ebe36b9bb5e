/** Which part of an election's roll a staff page shows. */
export const rollFilters = ["all", "not_voted", "voted", "removed"] as const;
export type RollFilter = (typeof rollFilters)[number];

export const rollFilterLabels: Readonly<Record<RollFilter, string>> = {
  all: "Everyone on the roll",
  not_voted: "Not voted yet",
  voted: "Voted",
  removed: "Removed",
};

/** Write-in lines a paper batch form offers per race that takes write-ins. */
export const PAPER_WRITE_IN_ROWS = 3;

/** The paper batch form's field names, built from the ballot so the server reads back exactly what the page showed. */
export const paperFieldNames = {
  candidate: (raceId: number, candidateId: number) => `race-${raceId}-candidate-${candidateId}`,
  writeInName: (raceId: number, row: number) => `race-${raceId}-write-in-name-${row}`,
  writeInVotes: (raceId: number, row: number) => `race-${raceId}-write-in-votes-${row}`,
  race: (raceId: number) => `race-${raceId}`,
  answer: (measureId: number, answer: string) => `measure-${measureId}-${answer}`,
  measure: (measureId: number) => `measure-${measureId}`,
};
