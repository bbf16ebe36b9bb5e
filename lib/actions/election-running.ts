"use server";

import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { findOwnerIdByNumber, getOwnerNumber, listRoll, setResultsEmailPreference } from "@/db/queries/election-running";
import { addToRoll, removeFromRoll, type RollRefusal } from "@/db/queries/election-roll";
import { findVoterOwnership } from "@/db/queries/election-voters";
import { getBallotDefinition, getElectionById } from "@/db/queries/elections";
import { certifyElection, type CertifyResult } from "@/lib/elections/close-election";
import { markOwnershipVotedOnPaper, recordPaperBatch, type PaperBatchResult } from "@/lib/elections/paper";
import { sendReminders } from "@/lib/elections/reminders";
import { revalidateElection } from "@/lib/elections/revalidate-election";
import { paperRefusalWords, type PaperRefusal } from "@/lib/model/election-paper";
import { paperRefusalField, paperTotalsFromForm } from "@/lib/model/election-paper-form";
import { AppError, explainRefusals, invalidFields } from "@/lib/model/errors";
import { formatDateTime } from "@/lib/model/format";
import {
  certifySchema,
  paperBatchSchema,
  paperMarkSchema,
  reminderSchema,
  resultsEmailSchema,
  rollChangeSchema,
  rollSearchSchema,
} from "@/lib/validations/election-running";
import { defineAction, type ActionResult } from "./safe-action";

// Running an open election from the staff pages: the roll, paper, reminders, certifying;
// and the owner's own wish to hear about results. Each service writes in one IMMEDIATE
// transaction; the election's public pages are expired after it commits, when turnout,
// the roll or the results changed.

function electionOrNotFound(electionId: number) {
  const election = getElectionById(db, electionId);
  if (!election) throw new AppError("not_found", "That election no longer exists. Reload the page to see the current list.");
  return election;
}

const voteWords = (ownerNumber: number | string, votedAt: Date, channel: "online" | "paper") =>
  `Owner ${ownerNumber} already voted ${channel === "online" ? "online" : "on paper"} on ${formatDateTime(votedAt)}. Each ownership has one vote, so nothing was recorded.`;

/** Staff: finds ownerships on the roll by name or owner number. A POST, so that a name never lands in a URL; the look-up is audited. */
export const findOnRollAction = defineAction({
  access: "staff",
  schema: rollSearchSchema,
  run: ({ electionId, q, filter }, actor) => {
    electionOrNotFound(electionId);
    const found = listRoll(db, electionId, { search: q, filter });
    recordAudit(db, actor, { action: "election_roll.view", subjectType: "election", subjectId: String(electionId), detail: { rows: found.rows.length } });
    return { query: q, ...found };
  },
});

/** Staff: records that an ownership voted on paper; refused after an online vote (and the other way round), with when and how. */
export const markVotedOnPaperAction = defineAction({
  access: "staff",
  schema: paperMarkSchema,
  run: ({ electionId, ownerId }, actor) => {
    const election = electionOrNotFound(electionId);
    const result = markOwnershipVotedOnPaper({ electionId, ownerId, now: new Date(), markedBy: actor });
    const ownerNumber = getOwnerNumber(db, ownerId) ?? "";
    if (!result.ok) {
      if (result.reason === "already_voted") throw new AppError("conflict", voteWords(ownerNumber, result.votedAt, result.channel));
      if (result.reason === "election_closed") throw new AppError("conflict", "This election is closed, so paper votes can no longer be marked on its roll.");
      if (result.reason === "not_on_roll") throw new AppError("conflict", `Owner ${ownerNumber} is not on this election's roll, so nothing was recorded.`);
      throw new AppError("not_found", "That election no longer exists.");
    }
    revalidateElection(election.slug);
    return { ownerNumber };
  },
});

const rollChangeWords = explainRefusals<RollRefusal>({
  election_not_found: "That election no longer exists.",
  not_draft: "The roll changes only while the election is open.",
  election_closed: "The roll changes only while the election is open.",
  owner_not_found: "There is no ownership with that owner number.",
  not_on_roll: "That ownership is not on the roll, so there is nothing to remove.",
  already_on_roll: "That ownership is on the roll already.",
  already_voted: () => new AppError("conflict", "That ownership has voted already, so it stays on the roll: its ballot cannot be told apart from the others to take it out."),
});

/** Admins: add an ownership to an open election's roll, or remove one, by owner number and with a reason; audited with both. */
export const changeRollAction = defineAction({
  access: "admin",
  schema: rollChangeSchema,
  run: ({ electionId, change, ownerNumber, reason }, actor) => {
    const election = electionOrNotFound(electionId);
    try {
      db.transaction(
        (tx) => {
          const ownerId = findOwnerIdByNumber(tx, ownerNumber);
          if (ownerId === null) throw invalidFields({ ownerNumber: ["There is no ownership with that owner number."] });
          const now = new Date();
          if (change === "add") addToRoll(tx, electionId, ownerId, now);
          else removeFromRoll(tx, electionId, ownerId, reason, now);
          recordAudit(tx, actor, { action: `election.roll_${change}`, subjectType: "election", subjectId: String(electionId), detail: { ownerId, ownerNumber, reason } });
        },
        { behavior: "immediate" },
      );
    } catch (error) {
      throw rollChangeWords(error);
    }
    revalidateElection(election.slug);
    return { ownerNumber, change };
  },
});

function isPaperRefusal(result: Exclude<PaperBatchResult, { ok: true }>): result is Exclude<PaperBatchResult, { ok: true }> & { reason: PaperRefusal } {
  return Object.hasOwn(paperRefusalWords, result.reason);
}

/**
 * Staff: enters a counted batch of paper ballots. The totals are read from the whole form
 * against the ballot (one field per candidate, write-in line and answer), so the schema
 * checks only the form's own fields; a refusal is shown at the field that is wrong.
 */
export async function recordPaperBatchAction(previous: ActionResult<{ batchId: number }> | null, formData: FormData): Promise<ActionResult<{ batchId: number }>> {
  const form: Record<string, string> = {};
  if (formData instanceof FormData) for (const [name, value] of formData) if (typeof value === "string") form[name] = value;
  const enter = defineAction({
    access: "staff",
    schema: paperBatchSchema,
    successMessage: "The batch is entered.",
    run: ({ electionId, ballots }, actor) => {
      const election = electionOrNotFound(electionId);
      const read = paperTotalsFromForm(getBallotDefinition(db, electionId), form);
      if (!read.ok) throw invalidFields(read.fieldErrors);
      const result = recordPaperBatch({ electionId, enteredBy: actor, ballots, totals: read.totals, now: new Date() });
      if (!result.ok) {
        if (!isPaperRefusal(result)) {
          if (result.reason === "election_closed") throw new AppError("conflict", "The results of this election are certified, so no more paper ballots can be entered.");
          throw new AppError("not_found", "That election no longer exists.");
        }
        throw invalidFields({ [paperRefusalField(result)]: [paperRefusalWords[result.reason]] });
      }
      revalidateElection(election.slug);
      return { batchId: result.batchId };
    },
  });
  return enter(previous, formData);
}

/** Staff: emails a fresh ballot link to every ownership on the roll that has not voted; at most once a day. */
export const sendRemindersAction = defineAction({
  access: "staff",
  schema: reminderSchema,
  run: ({ electionId }, actor) => {
    electionOrNotFound(electionId);
    const result = sendReminders(electionId, actor, new Date());
    if (result.ok) return { emailsQueued: result.emailsQueued };
    if (result.reason === "too_soon") {
      throw new AppError("conflict", `Reminders went out less than a day ago, and owners get at most one a day. The next can be sent from ${formatDateTime(result.nextAt)}.`);
    }
    if (result.reason === "election_closed") throw new AppError("conflict", "Reminders go out only while voting is open.");
    throw new AppError("not_found", "That election no longer exists.");
  },
});

const certifyRefusals: Readonly<Record<Exclude<CertifyResult, { ok: true }>["reason"], string>> = {
  election_not_found: "That election no longer exists.",
  not_closed: "Results can be certified only once voting has closed and the votes are counted.",
  already_certified: "These results are certified already.",
};

/** Admins: certify a closed election's results, which publishes them and emails the owners who asked. */
export const certifyElectionAction = defineAction({
  access: "admin",
  schema: certifySchema,
  successMessage: "The results are certified and published.",
  run: ({ electionId }, actor) => {
    const result = certifyElection(electionId, actor, new Date());
    if (!result.ok) throw new AppError(result.reason === "election_not_found" ? "not_found" : "conflict", certifyRefusals[result.reason]);
    return { emailsQueued: result.emailsQueued };
  },
});

/** An owner (or a joined household member) asks, or stops asking, to be emailed when election results are published. */
export const setResultsEmailAction = defineAction({
  access: "member",
  schema: resultsEmailSchema,
  run: ({ wanted }, actor) => {
    if (!findVoterOwnership(db, actor.id)) throw new AppError("forbidden", "Only owners are emailed election results.");
    setResultsEmailPreference(db, actor.id, wanted === "yes");
    return { wanted: wanted === "yes" };
  },
});
