import "./zod-config";
import { z } from "zod";
import { rollFilters } from "@/lib/model/election-running";
import { checkbox, line, rowId } from "./fields";

/** Staff look someone up on the roll by name or owner number (a POST, so the name stays out of URLs). */
export const rollSearchSchema = z.object({
  electionId: rowId,
  q: line(100),
  filter: z.enum(rollFilters).catch("all"),
});

export const paperMarkSchema = z.object({ electionId: rowId, ownerId: rowId });

const ownerNumber = line(12).regex(/^\d{1,9}$/, { error: "Give the owner number, digits only." }).transform(Number);

/** An admin adds an ownership to the roll or takes one off: by owner number, always with a reason (it is audited). */
export const rollChangeSchema = z.object({
  electionId: rowId,
  change: z.enum(["add", "remove"], { error: "Choose whether to add or remove." }),
  ownerNumber,
  reason: line(500),
});

export const reminderSchema = z.object({ electionId: rowId });

/** The paper batch form's own fields; the totals (`race-…`, `measure-…`) are read from the whole form against the ballot. */
export const paperBatchSchema = z.object({
  electionId: rowId,
  ballots: line(9).regex(/^\d{1,9}$/, { error: "Enter how many paper ballots the batch holds, as a whole number of at least 1." }).transform(Number).refine((count) => count >= 1, {
    error: "Enter how many paper ballots the batch holds, as a whole number of at least 1.",
  }),
});

export const certifySchema = z.object({
  electionId: rowId,
  confirm: checkbox.refine((ticked) => ticked, { error: "Tick this box to confirm that the results are checked and may be published." }),
});

export const resultsEmailSchema = z.object({ wanted: z.enum(["yes", "no"]) });
