import "server-only";
import type { Executor } from "@/db/queries/executor";
import type { Invitation, InvitationSeal } from "@/db/queries/owner-households";
import { getSiteSettings } from "@/db/queries/site";
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
    });
  }
}
