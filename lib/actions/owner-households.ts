"use server";

import { refresh } from "next/cache";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import {
  acceptHouseholdInvitation,
  declineHouseholdInvitation,
  leaveHousehold,
  removeHouseholdMember,
  saveHouseholdMembers,
  type HouseholdRefusal,
} from "@/db/queries/owner-households";
import { getOwnershipForUser, ownerExists } from "@/db/queries/owners";
import { wakeEmailWorker } from "@/lib/email/queue";
import { AppError, explainRefusals, invalidFields } from "@/lib/model/errors";
import { hashLinkToken, isWellFormedLinkToken } from "@/lib/link-tokens";
import { removeOutboxFiles } from "@/lib/email/outbox-files";
import { deleteInvitationMail, queueInvitationEmails, sealInvitation } from "@/lib/owners/household-invitations";
import { householdFormSchema, householdInvitationSchema, invitationTokenSchema, leaveHouseholdSchema, removeHouseholdMemberSchema } from "@/lib/validations/owners";
import { defineAction } from "./safe-action";

/** The household form's refusals, said at the field at fault (the query names it). */
const explainedSave = explainRefusals<HouseholdRefusal>({
  household_email_is_yours: (refusal) => {
    const [field] = Object.keys(refusal.fieldErrors ?? {});
    return invalidFields({ [field!]: ["This is your own address: you are the primary owner already."] }, "conflict");
  },
});

/**
 * The primary owner: makes the household these people (at most 6). Each new email gets an
 * invitation; nobody sees the ownership before they accept it. The answer is the same
 * whoever an address belongs to.
 */
export const saveHouseholdAction = defineAction({
  access: "member",
  schema: householdFormSchema,
  successMessage: "Household saved. Anyone new with an email gets an invitation, and sees the ownership once they accept it.",
  run: ({ household }, actor) => {
    const now = new Date();
    const forgotten = db.transaction(
      (tx) => {
        const ownership = getOwnershipForUser(tx, actor.id, now);
        if (!ownership) throw new AppError("forbidden", "Only owners have a household to change.");
        if (!ownership.isPrimary) throw new AppError("forbidden", "Only the primary owner can change the household. Ask them to do it.");
        let change;
        try {
          change = saveHouseholdMembers(tx, ownership.id, household, () => sealInvitation(now), now);
        } catch (error) {
          throw explainedSave(error);
        }
        queueInvitationEmails(tx, change.invitations, ownership.name);
        recordAudit(tx, actor, { action: "owner.household", subjectType: "owner", subjectId: String(ownership.id), detail: { invited: change.invitations.length, removed: change.removedIds.length } });
        return deleteInvitationMail(tx, change.removedIds);
      },
      { behavior: "immediate" },
    );
    removeOutboxFiles(forgotten);
    refresh();
    wakeEmailWorker();
    return null;
  },
});

/**
 * The invitee, signed in with the address the invitation was sent to: joins the household.
 * Refused while they belong to an ownership (one person, one household).
 */
export const acceptHouseholdInvitationAction = defineAction({
  access: "member",
  schema: householdInvitationSchema,
  successMessage: "Welcome to the household. The ownership is below.",
  run: ({ invitationId }, actor) => {
    db.transaction(
      (tx) => {
        const { ownerId } = acceptHouseholdInvitation(tx, invitationId, actor, new Date());
        recordAudit(tx, actor, { action: "owner.household_join", subjectType: "owner", subjectId: String(ownerId) });
      },
      { behavior: "immediate" },
    );
    refresh();
    return null;
  },
});

/** The invitee, signed in: says no to an invitation sent to their address. */
export const declineHouseholdInvitationAction = defineAction({
  access: "member",
  schema: householdInvitationSchema,
  successMessage: "Invitation declined. You were not added to that household.",
  run: ({ invitationId }, actor) => {
    const forgotten = db.transaction(
      (tx) => {
        const declined = declineHouseholdInvitation(tx, { id: invitationId, email: actor.email });
        if (!declined) return [];
        recordAudit(tx, actor, { action: "owner.household_decline", subjectType: "owner", subjectId: String(declined.ownerId) });
        return deleteInvitationMail(tx, [declined.id]);
      },
      { behavior: "immediate" },
    );
    removeOutboxFiles(forgotten);
    refresh();
    return null;
  },
});

/**
 * Anyone holding the emailed link: declines without signing in, so that a stranger who got
 * a mistyped invitation need not make an account to say no. The token proves the email.
 */
export const declineInvitationByLinkAction = defineAction({
  access: "public",
  schema: invitationTokenSchema,
  successMessage: "Invitation declined. You were not added to the household, and the address has been removed from it.",
  run: ({ token }) => {
    if (!isWellFormedLinkToken(token)) return null;
    const forgotten = db.transaction(
      (tx) => {
        const declined = declineHouseholdInvitation(tx, { tokenHash: hashLinkToken(token) });
        if (!declined) return [];
        recordAudit(tx, null, { action: "owner.household_decline", subjectType: "owner", subjectId: String(declined.ownerId) });
        return deleteInvitationMail(tx, [declined.id]);
      },
      { behavior: "immediate" },
    );
    removeOutboxFiles(forgotten);
    return null;
  },
});

/** A household member (not the primary owner): leaves the ownership they joined. */
export const leaveHouseholdAction = defineAction({
  access: "member",
  schema: leaveHouseholdSchema,
  successMessage: "You have left the household. You no longer see that ownership.",
  run: (_input, actor) => {
    const forgotten = db.transaction(
      (tx) => {
        const left = leaveHousehold(tx, actor.id);
        if (!left) throw new AppError("forbidden", "Only household members can leave an ownership here. A primary owner who wants to end theirs should talk to the store.");
        recordAudit(tx, actor, { action: "owner.household_leave", subjectType: "owner", subjectId: String(left.ownerId) });
        return deleteInvitationMail(tx, [left.id]);
      },
      { behavior: "immediate" },
    );
    removeOutboxFiles(forgotten);
    refresh();
    return null;
  },
});

/** Staff: remove a member or an open invitation from an ownership (audited). */
export const removeHouseholdMemberAction = defineAction({
  access: "staff",
  schema: removeHouseholdMemberSchema,
  successMessage: "Removed from the household.",
  run: ({ ownerId, memberId }, actor) => {
    const forgotten = db.transaction(
      (tx) => {
        if (!ownerExists(tx, ownerId) || !removeHouseholdMember(tx, ownerId, memberId)) throw new AppError("not_found", "That person is no longer in this household.");
        recordAudit(tx, actor, { action: "owner.household_remove", subjectType: "owner", subjectId: String(ownerId), detail: { memberId } });
        return deleteInvitationMail(tx, [memberId]);
      },
      { behavior: "immediate" },
    );
    removeOutboxFiles(forgotten);
    refresh();
    return null;
  },
});
