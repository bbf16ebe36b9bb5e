import "server-only";
import type { DB } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { deleteEmailsConcerning } from "@/db/queries/email-retention";
import type { Executor } from "@/db/queries/executor";
import { deleteLapsedInvitations, type Invitation, type InvitationSeal } from "@/db/queries/owner-households";
import { getSiteSettings } from "@/db/queries/site";
import { removeOutboxFiles } from "@/lib/email/outbox-files";
import { queueEmail } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { hashLinkToken, newLinkToken } from "@/lib/link-tokens";
import { householdInvitationEmail } from "./emails";

const DAY_MS = 86_400_000;
/** How long an invitation to a household stays open. */
export const INVITATION_DAYS = 14;
/** How long a lapsed invitation still shows its owner “expired” (to send it again) before maintenance removes the address. */
export const LAPSED_INVITATION_KEEP_DAYS = 30;

/** A fresh invitation token, the hash that is stored, and its lifetime from `now`. */
export function sealInvitation(now: Date): InvitationSeal & { token: string } {
  const token = newLinkToken();
  return { token, tokenHash: hashLinkToken(token), invitedAt: now, expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS) };
}

export function invitationUrl(token: string) {
  const url = new URL("/owners/invitation", getEnv().siteUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

/** Queues one invitation email per new invitee, inside the caller's transaction (sent after it commits). */
export function queueInvitationEmails(executor: Executor, invitations: Invitation[], invitedBy: string) {
  const site = { coopName: getSiteSettings().coopName, siteUrl: getEnv().siteUrl };
  for (const invitation of invitations) {
    queueEmail(executor, {
      to: invitation.email,
      ...householdInvitationEmail(site, { inviteeName: invitation.name, invitedBy, url: invitationUrl(invitation.token), expiresAt: invitation.expiresAt }),
      concerns: { type: "owner_household_member", id: invitation.memberId },
    });
  }
}

/**
 * Deletes the invitation mail about household rows that are gone (declined, removed, left,
 * lapsed), inside the caller's transaction; answers the Message-IDs whose `.eml` files to
 * remove after it commits (`removeOutboxFiles`).
 */
export function deleteInvitationMail(executor: Executor, memberIds: number[]) {
  return deleteEmailsConcerning(executor, "owner_household_member", memberIds);
}

/**
 * Maintenance: an invitation nobody answered stays visible to its owner, marked expired,
 * for LAPSED_INVITATION_KEEP_DAYS after it lapsed (so that they can send it again), then
 * goes with its email. One IMMEDIATE transaction audited as a count; returns how many went.
 */
export function deleteLapsedHouseholdInvitations(database: DB, now: Date) {
  const { ids, messageIds } = database.transaction(
    (tx) => {
      const ids = deleteLapsedInvitations(tx, new Date(now.getTime() - LAPSED_INVITATION_KEEP_DAYS * DAY_MS));
      const messageIds = deleteInvitationMail(tx, ids);
      if (ids.length > 0) {
        recordAudit(tx, null, { action: "owner.household_retention", subjectType: "owner", subjectId: "retention", detail: { deleted: ids.length, emails: messageIds.length } });
      }
      return { ids, messageIds };
    },
    { behavior: "immediate" },
  );
  removeOutboxFiles(messageIds);
  return ids.length;
}
