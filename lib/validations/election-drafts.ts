import "./zod-config";
import { z } from "zod";
import {
  CANDIDATE_NAME_MAX,
  candidateOrders,
  ELECTION_DESCRIPTION_MAX,
  ELECTION_TITLE_MAX,
  electionEligibilities,
  electionVoters,
  MEASURE_TEXT_MAX,
  quorumKinds,
  SEATS_MAX,
  STATEMENT_MAX,
} from "@/lib/model/elections";
import { storeDay } from "@/lib/model/format";
import { instantFromStoreDateTime } from "@/lib/model/store-time";
import { checkbox, day, line, rowId, text } from "./fields";

/** A field left empty, or out of the form, counts as not given. */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** An id that a form leaves out when it adds rather than edits. */
const optionalId = z.preprocess(blankToUndefined, rowId.optional());

const slug = z
  .string()
  .trim()
  .max(80, { error: "At most 80 characters." })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "Use lowercase words joined by hyphens, e.g. board-2027." });

/** A time on the store's clock as a `datetime-local` field sends it, read as an instant. */
const storeDateTime = text(16)
  .min(1, { error: "Required." })
  .transform((value, ctx) => {
    const instant = instantFromStoreDateTime(value);
    if (!instant) {
      ctx.addIssue({ code: "custom", message: "Give a date and time like 2027-03-01 09:00 (the store’s clock); this one does not exist." });
      return z.NEVER;
    }
    return instant;
  });

/** A whole number from `min` to `max`, as a form sends it. */
const wholeNumber = (min: number, max: number) =>
  text(6)
    .min(1, { error: "Required." })
    .regex(/^\d+$/, { error: "Give a whole number.", abort: true })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { error: `Give a number from ${min} to ${max.toLocaleString("en-US")}.` });

const bothTimes = (election: { opensAt: unknown; closesAt: unknown }) => election.opensAt instanceof Date && election.closesAt instanceof Date;

/**
 * An election's own fields. The window is typed in store time and kept as instants; the
 * record date must fall on or before the day voting opens, because the roll is written
 * when it opens and cannot wait for ownerships approved later.
 */
export const electionDraftSchema = z
  .object({
    id: optionalId,
    title: line(ELECTION_TITLE_MAX),
    /** Blank: made from the title. */
    slug: z.preprocess(blankToUndefined, slug.optional()),
    description: text(ELECTION_DESCRIPTION_MAX),
    opensAt: storeDateTime,
    closesAt: storeDateTime,
    recordDate: day,
    eligibility: z.enum(electionEligibilities, { error: "Choose who is on the roll." }),
    quorumKind: z.enum(quorumKinds, { error: "Choose a number of ownerships or a percentage." }),
    quorumValue: wholeNumber(0, 1_000_000),
    voters: z.enum(electionVoters, { error: "Choose who casts an ownership’s vote." }),
  })
  // Zod may run these with fields that failed their own checks, so each looks at what it reads first.
  .refine((election) => !bothTimes(election) || election.closesAt > election.opensAt, { error: "Voting must close after it opens.", path: ["closesAt"] })
  .refine((election) => !(election.opensAt instanceof Date) || typeof election.recordDate !== "string" || election.recordDate <= storeDay(election.opensAt), {
    error: "The record date must be on or before the day voting opens: the roll is written when voting opens.",
    path: ["recordDate"],
  })
  .refine((election) => election.quorumKind !== "percent" || election.quorumValue <= 100, { error: "A percentage is at most 100.", path: ["quorumValue"] });

export type ElectionDraftInput = z.output<typeof electionDraftSchema>;

/** A race on a draft's ballot: added when `id` is left out, edited otherwise. */
export const raceDraftSchema = z.object({
  electionId: rowId,
  id: optionalId,
  title: line(ELECTION_TITLE_MAX),
  seats: wholeNumber(1, SEATS_MAX),
  writeIn: checkbox,
  candidateOrder: z.enum(candidateOrders, { error: "Choose how the candidates are listed." }),
});

export type RaceDraftInput = z.output<typeof raceDraftSchema>;

/** A candidate in a race: added when `id` is left out, edited otherwise. */
export const candidateDraftSchema = z.object({
  raceId: rowId,
  id: optionalId,
  name: line(CANDIDATE_NAME_MAX),
  statement: text(STATEMENT_MAX),
});

export type CandidateDraftInput = z.output<typeof candidateDraftSchema>;

/** A measure (yes / no / abstain) with its full text: added when `id` is left out, edited otherwise. */
export const measureDraftSchema = z.object({
  electionId: rowId,
  id: optionalId,
  title: line(ELECTION_TITLE_MAX),
  text: line(MEASURE_TEXT_MAX),
});

export type MeasureDraftInput = z.output<typeof measureDraftSchema>;

export const ballotItemKinds = ["race", "candidate", "measure"] as const;
export type BallotItemKind = (typeof ballotItemKinds)[number];

/** Moving a race, candidate or measure one place up or down, or taking it off the ballot. */
export const arrangeBallotSchema = z.object({
  kind: z.enum(ballotItemKinds, { error: "Missing record." }),
  id: rowId,
  change: z.enum(["up", "down", "remove"], { error: "Choose up, down or remove." }),
});

/** An election acted on as a whole (opened now, deleted while a draft). */
export const electionIdSchema = z.object({ id: rowId });
