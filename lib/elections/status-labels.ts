import type { ElectionStatus } from "@/lib/model/elections";

/** An election's status as staff read it. */
export const electionStatusLabels: Readonly<Record<ElectionStatus, string>> = {
  draft: "Draft",
  open: "Open",
  closed: "Closed, being counted",
  certified: "Results certified",
};
