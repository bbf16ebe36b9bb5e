import { type InferSelectModel, sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  type BallotChoices,
  candidateOrders,
  electionEligibilities,
  electionStatuses,
  electionVoters,
  type PaperTotals,
  quorumKinds,
  voteChannels,
} from "@/lib/model/elections";
import { owners } from "./owners";
import { inList } from "./sql-lists";
import { users } from "./users";

/**
 * An owner election: its window, who is on the roll, the quorum, and once closed its
 * results. The ballot (races, measures) hangs off it and is frozen once it opens.
 */
export const elections = sqliteTable(
  "elections",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Its public address under /elections/. */
    slug: text().notNull().unique(),
    title: text().notNull(),
    /** Markdown. */
    description: text().notNull().default(""),
    /** Ballots are taken from opensAt (inclusive) until closesAt (exclusive), by the server's clock. */
    opensAt: integer({ mode: "timestamp_ms" }).notNull(),
    closesAt: integer({ mode: "timestamp_ms" }).notNull(),
    /** YYYY-MM-DD, store time: ownerships approved on or before this day are on the roll. */
    recordDate: text().notNull(),
    eligibility: text({ enum: electionEligibilities }).notNull().default("approved"),
    quorumKind: text({ enum: quorumKinds }).notNull(),
    /** A number of ownerships, or a percentage of the roll (0–100). */
    quorumValue: integer().notNull(),
    voters: text({ enum: electionVoters }).notNull().default("primary"),
    status: text({ enum: electionStatuses }).notNull().default("draft"),
    /** The counted results (online and paper), written at close; published once certified. */
    resultsJson: text({ mode: "json" }).$type<unknown>(),
    certifiedAt: integer({ mode: "timestamp_ms" }),
    certifiedBy: text().references(() => users.id, { onDelete: "set null" }),
    /** When ownerships that had not voted were last reminded: reminders go out at most once a day. */
    lastReminderAt: integer({ mode: "timestamp_ms" }),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    updatedAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (table) => [
    index("elections_status_idx").on(table.status, table.closesAt),
    check("elections_status_check", sql`${table.status} in (${inList(electionStatuses)})`),
    check("elections_eligibility_check", sql`${table.eligibility} in (${inList(electionEligibilities)})`),
    check("elections_quorum_kind_check", sql`${table.quorumKind} in (${inList(quorumKinds)})`),
    check("elections_voters_check", sql`${table.voters} in (${inList(electionVoters)})`),
    check("elections_window_check", sql`${table.closesAt} > ${table.opensAt}`),
    check("elections_quorum_value_check", sql`${table.quorumValue} >= 0 and (${table.quorumKind} <> 'percent' or ${table.quorumValue} <= 100)`),
    check("elections_record_date_check", sql`${table.recordDate} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`),
    // Published results always say who certified them and when.
    check("elections_certified_check", sql`${table.status} <> 'certified' or (${table.certifiedAt} is not null and ${table.resultsJson} is not null)`),
  ],
);

export type Election = InferSelectModel<typeof elections>;

/** A race on the ballot: "Board of directors: vote for up to 3". */
export const electionRaces = sqliteTable(
  "election_races",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    electionId: integer()
      .notNull()
      .references(() => elections.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    title: text().notNull(),
    /** How many candidates a voter may mark (and how many win). */
    seats: integer().notNull(),
    writeIn: integer({ mode: "boolean" }).notNull().default(false),
    candidateOrder: text({ enum: candidateOrders }).notNull().default("alphabetical"),
  },
  (table) => [
    uniqueIndex("election_races_position_idx").on(table.electionId, table.position),
    check("election_races_seats_check", sql`${table.seats} >= 1`),
    check("election_races_candidate_order_check", sql`${table.candidateOrder} in (${inList(candidateOrders)})`),
  ],
);

export type ElectionRace = InferSelectModel<typeof electionRaces>;

export const electionCandidates = sqliteTable(
  "election_candidates",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    raceId: integer()
      .notNull()
      .references(() => electionRaces.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    name: text().notNull(),
    /** Markdown, in the candidate's own words. */
    statement: text().notNull().default(""),
  },
  (table) => [uniqueIndex("election_candidates_position_idx").on(table.raceId, table.position)],
);

export type ElectionCandidate = InferSelectModel<typeof electionCandidates>;

/** A question answered yes / no / abstain, such as a bylaw amendment with its full text. */
export const electionMeasures = sqliteTable(
  "election_measures",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    electionId: integer()
      .notNull()
      .references(() => elections.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    title: text().notNull(),
    /** Markdown: the full text voters are asked about. */
    text: text().notNull(),
  },
  (table) => [uniqueIndex("election_measures_position_idx").on(table.electionId, table.position)],
);

export type ElectionMeasure = InferSelectModel<typeof electionMeasures>;

/**
 * The roll: the ownerships that may vote, written down when the election opens, and
 * whether, when and by which channel each voted. It never says how: nothing joins a roll
 * row to a ballot. Votes and the roll are never cascaded away with their election.
 */
export const electionRoll = sqliteTable(
  "election_roll",
  {
    electionId: integer()
      .notNull()
      .references(() => elections.id),
    ownerId: integer()
      .notNull()
      .references(() => owners.id),
    addedAt: integer({ mode: "timestamp_ms" }).notNull(),
    /** An admin took the ownership off the roll (the reason is also in the audit log). */
    removedAt: integer({ mode: "timestamp_ms" }),
    removedReason: text(),
    votedAt: integer({ mode: "timestamp_ms" }),
    channel: text({ enum: voteChannels }),
  },
  (table) => [
    primaryKey({ columns: [table.electionId, table.ownerId] }),
    index("election_roll_owner_idx").on(table.ownerId),
    check("election_roll_channel_check", sql`${table.channel} in (${inList(voteChannels)})`),
    // A vote is recorded whole: when and by which channel, or neither.
    check("election_roll_voted_check", sql`(${table.channel} is null) = (${table.votedAt} is null)`),
    check("election_roll_removed_check", sql`(${table.removedAt} is null) = (${table.removedReason} is null)`),
  ],
);

export type ElectionRollEntry = InferSelectModel<typeof electionRoll>;

/**
 * An emailed link to an ownership's ballot: the token is stored only as its SHA-256, valid
 * until the close. An ownership can hold several (the opening email's, then each
 * reminder's): a reminder must not break the link in the email the owner kept. Whichever
 * is used first casts the one vote; the roll refuses the rest.
 */
export const electionBallotLinks = sqliteTable(
  "election_ballot_links",
  {
    tokenHash: text().primaryKey(),
    electionId: integer()
      .notNull()
      .references(() => elections.id, { onDelete: "cascade" }),
    ownerId: integer()
      .notNull()
      .references(() => owners.id),
    expiresAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (table) => [index("election_ballot_links_ownership_idx").on(table.electionId, table.ownerId)],
);

/**
 * A cast ballot: what was chosen, and nothing that could name who chose it or when (no
 * ownership, user, token or time; the id is random). The migration makes this a WITHOUT
 * ROWID table, so rows are stored in the order of their random ids rather than the order
 * they came in; drizzle-kit does not know that clause, so a migration that ever rebuilds
 * this table must write it again by hand.
 */
export const electionBallots = sqliteTable(
  "election_ballots",
  {
    /** 128 random bits as 32 hex digits. */
    id: text().primaryKey(),
    electionId: integer()
      .notNull()
      .references(() => elections.id),
    choices: text({ mode: "json" }).$type<BallotChoices>().notNull(),
  },
  (table) => [index("election_ballots_election_idx").on(table.electionId)],
);

/**
 * Receipt codes of ballots counted, apart from the ballots: a code proves that a ballot was
 * counted, never which one. WITHOUT ROWID in the migration, like the ballots, so that their
 * stored order tells nothing either.
 */
export const electionReceipts = sqliteTable(
  "election_receipts",
  {
    code: text().primaryKey(),
    electionId: integer()
      .notNull()
      .references(() => elections.id),
  },
  (table) => [index("election_receipts_election_idx").on(table.electionId)],
);

/** A counted batch of paper ballots: their totals per choice, and who entered them. */
export const electionPaperBatches = sqliteTable(
  "election_paper_batches",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    electionId: integer()
      .notNull()
      .references(() => elections.id),
    enteredBy: text().references(() => users.id, { onDelete: "set null" }),
    enteredAt: integer({ mode: "timestamp_ms" }).notNull(),
    /** How many paper ballots the batch holds. */
    ballots: integer().notNull(),
    totals: text({ mode: "json" }).$type<PaperTotals>().notNull(),
  },
  (table) => [index("election_paper_batches_election_idx").on(table.electionId), check("election_paper_batches_ballots_check", sql`${table.ballots} > 0`)],
);

export type ElectionPaperBatch = InferSelectModel<typeof electionPaperBatches>;
