"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import {
  arrangeDraftBallotItem,
  deleteDraftElection,
  freeElectionSlug,
  insertDraftElection,
  requireDraftElection,
  requireOpenableDraft,
  saveDraftCandidate,
  saveDraftMeasure,
  saveDraftRace,
  updateDraftElection,
  type ElectionDraftRefusal,
} from "@/db/queries/election-drafts";
import type { Executor } from "@/db/queries/executor";
import { openElection, type OpenElectionRefusal } from "@/lib/elections/open-election";
import { explainRefusals, invalidFields } from "@/lib/model/errors";
import { slugFrom } from "@/lib/model/slug";
import {
  arrangeBallotSchema,
  candidateDraftSchema,
  electionDraftSchema,
  electionIdSchema,
  measureDraftSchema,
  raceDraftSchema,
  type ElectionDraftInput,
} from "@/lib/validations/election-drafts";
import { defineAction } from "./safe-action";

/** What the query layer's refusals mean to the admin at the form. */
const explained = explainRefusals<ElectionDraftRefusal | OpenElectionRefusal>({
  election_not_found: "That election no longer exists. Reload the list to see the elections as they are.",
  slug_taken: () => invalidFields({ slug: ["Another election has this address. Choose another."] }, "conflict"),
  ballot_frozen: "Voting has opened on this election, so its ballot and settings can no longer change. Nothing was saved.",
  ballot_item_not_found: "That race, candidate or measure is no longer on this ballot. Reload the page to see the ballot as it is.",
  ballot_full: "The ballot holds as many of these as it can. Remove one before adding another.",
  ballot_empty: "The ballot is empty: add a race or a measure first. Nothing was opened.",
  election_closed: "The closing time has passed, so there is no time left to vote. Move the close later, then open it.",
});

/** Runs `write` in one IMMEDIATE transaction, its refusals in the admin's words. */
function inTransaction<T>(write: (tx: Executor) => T): T {
  try {
    return db.transaction((tx) => write(tx), { behavior: "immediate" });
  } catch (error) {
    throw explained(error);
  }
}

/** The address given, or one made from the title: the same address on an edit when it still fits, the next free one otherwise. */
function slugFor(tx: Executor, input: ElectionDraftInput, current?: string) {
  if (input.slug) return input.slug;
  const base = slugFrom(input.title) || "election";
  return base === current ? current : freeElectionSlug(tx, base);
}

/** Admins: saves an election's own fields, a new one as a draft (then its page opens), an existing draft in place. */
export const saveElectionAction = defineAction({
  access: "admin",
  schema: electionDraftSchema,
  run: ({ id, ...input }, actor) => {
    const savedId = inTransaction((tx) => {
      if (id === undefined) {
        const created = insertDraftElection(tx, { ...input, slug: slugFor(tx, { ...input }) });
        recordAudit(tx, actor, { action: "election.create", subjectType: "election", subjectId: String(created), detail: { title: input.title } });
        return created;
      }
      const before = requireDraftElection(tx, id);
      updateDraftElection(tx, id, { ...input, slug: slugFor(tx, { ...input }, before.slug) });
      recordAudit(tx, actor, { action: "election.update", subjectType: "election", subjectId: String(id), detail: { title: input.title } });
      return id;
    });
    if (id === undefined) redirect(`/staff/elections/${savedId}?created=1`);
    refresh();
    return null;
  },
  successMessage: "Saved.",
});

/** Admins: adds a race to a draft's ballot, or edits one. */
export const saveRaceAction = defineAction({
  access: "admin",
  schema: raceDraftSchema,
  successMessage: "Race saved.",
  run: (input, actor) => {
    inTransaction((tx) => {
      const raceId = saveDraftRace(tx, input);
      recordAudit(tx, actor, { action: input.id ? "election.race.update" : "election.race.add", subjectType: "election", subjectId: String(input.electionId), detail: { raceId, title: input.title } });
    });
    refresh();
    return null;
  },
});

/** Admins: adds a candidate to a race of a draft, or edits one. The statement stays out of the audit log. */
export const saveCandidateAction = defineAction({
  access: "admin",
  schema: candidateDraftSchema,
  successMessage: "Candidate saved.",
  run: (input, actor) => {
    inTransaction((tx) => {
      const saved = saveDraftCandidate(tx, input);
      recordAudit(tx, actor, {
        action: input.id ? "election.candidate.update" : "election.candidate.add",
        subjectType: "election",
        subjectId: String(saved.electionId),
        detail: { raceId: input.raceId, candidateId: saved.id, name: input.name },
      });
    });
    refresh();
    return null;
  },
});

/** Admins: adds a measure to a draft's ballot, or edits one. Its text stays out of the audit log. */
export const saveMeasureAction = defineAction({
  access: "admin",
  schema: measureDraftSchema,
  successMessage: "Measure saved.",
  run: (input, actor) => {
    inTransaction((tx) => {
      const measureId = saveDraftMeasure(tx, input);
      recordAudit(tx, actor, { action: input.id ? "election.measure.update" : "election.measure.add", subjectType: "election", subjectId: String(input.electionId), detail: { measureId, title: input.title } });
    });
    refresh();
    return null;
  },
});

/** Admins: moves a race, candidate or measure of a draft one place up or down, or removes it. */
export const arrangeBallotAction = defineAction({
  access: "admin",
  schema: arrangeBallotSchema,
  run: ({ kind, id, change }, actor) => {
    inTransaction((tx) => {
      const { electionId, label } = arrangeDraftBallotItem(tx, kind, id, change);
      recordAudit(tx, actor, { action: `election.${kind}.${change === "remove" ? "remove" : "move"}`, subjectType: "election", subjectId: String(electionId), detail: { id, label, change } });
    });
    refresh();
    return null;
  },
});

/** Admins: deletes a draft with its ballot. An election that ever opened keeps its record. */
export const deleteDraftElectionAction = defineAction({
  access: "admin",
  schema: electionIdSchema,
  run: ({ id }, actor) => {
    inTransaction((tx) => {
      const before = deleteDraftElection(tx, id);
      recordAudit(tx, actor, { action: "election.delete", subjectType: "election", subjectId: String(id), detail: { title: before.title } });
    });
    redirect("/staff/elections?deleted=1");
  },
});

/**
 * Admins: opens a draft now rather than at its opening time: writes the roll and queues
 * the ballot emails (openElection). The checks, the opening and the audit row are one
 * transaction: openElection's own becomes a savepoint inside it, and the email worker and
 * the page revalidation it starts run only after this synchronous callback has committed.
 */
export const openElectionNowAction = defineAction({
  access: "admin",
  schema: electionIdSchema,
  run: ({ id }, actor) => {
    const opened = inTransaction((tx) => {
      requireOpenableDraft(tx, id);
      const result = openElection(id, new Date());
      recordAudit(tx, actor, { action: "election.open", subjectType: "election", subjectId: String(id), detail: { rollSize: result.rollSize, emailsQueued: result.emailsQueued } });
      return result;
    });
    refresh();
    return opened;
  },
});
