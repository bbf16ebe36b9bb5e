import "server-only";
import { and, asc, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { refusals } from "@/lib/model/errors";
import { ownerHouseholdMembers, owners, users } from "../schema";
import type { Executor } from "./executor";

/** Why `saveHouseholdMembers` refuses (with the field at fault, its value as the field's error). */
export type HouseholdRefusal = "household_email_is_yours";
/** Why `acceptHouseholdInvitation` refuses. */
export type InvitationRefusal = "invitation_not_open" | "already_in_ownership";
const refuse = refusals<HouseholdRefusal | InvitationRefusal>();

/** The ownership an address belongs to, as primary owner or as a household member who accepted, or null. */
export function findOwnershipByEmail(executor: Executor, email: string) {
  const primary = executor
    .select({ ownerId: owners.id })
    .from(owners)
    .innerJoin(users, eq(users.id, owners.userId))
    .where(eq(users.email, email))
    .get();
  if (primary) return primary;
  return (
    executor
      .select({ ownerId: ownerHouseholdMembers.ownerId })
      .from(ownerHouseholdMembers)
      .where(and(eq(ownerHouseholdMembers.email, email), isNotNull(ownerHouseholdMembers.joinedAt)))
      .get() ?? null
  );
}

/** Where a household member stands: a name without sign-in, an open or lapsed invitation, or someone who said yes. */
export type HouseholdMemberStatus = "name_only" | "invited" | "invitation_expired" | "member";

type MemberRow = typeof ownerHouseholdMembers.$inferSelect;

export function householdMemberStatus(row: Pick<MemberRow, "email" | "joinedAt" | "inviteExpiresAt">, now: Date): HouseholdMemberStatus {
  if (!row.email) return "name_only";
  if (row.joinedAt) return "member";
  return row.inviteExpiresAt && row.inviteExpiresAt > now ? "invited" : "invitation_expired";
}

/** An ownership's household in the order added, each with where they stand. */
export function listHouseholdMembers(executor: Executor, ownerId: number, now: Date) {
  return executor
    .select()
    .from(ownerHouseholdMembers)
    .where(eq(ownerHouseholdMembers.ownerId, ownerId))
    .orderBy(asc(ownerHouseholdMembers.id))
    .all()
    .map((row) => ({ id: row.id, name: row.name, email: row.email, status: householdMemberStatus(row, now) }));
}

/** A new invitation's token hash and lifetime; the caller made the token and emails it. */
export type InvitationSeal = { tokenHash: string; invitedAt: Date; expiresAt: Date };

/** An invitation to email: its row, to whom, its token (never stored) and when it lapses. */
export type Invitation = { memberId: number; name: string; email: string; token: string; expiresAt: Date };

/** Adds a member with an email as an open invitation: nothing is linked until they accept. */
export function insertHouseholdInvitation(executor: Executor, ownerId: number, member: { name: string; email: string }, seal: InvitationSeal) {
  return executor
    .insert(ownerHouseholdMembers)
    .values({ ownerId, name: member.name, email: member.email, inviteTokenHash: seal.tokenHash, invitedAt: seal.invitedAt, inviteExpiresAt: seal.expiresAt })
    .returning({ id: ownerHouseholdMembers.id })
    .get().id;
}

export function insertHouseholdName(executor: Executor, ownerId: number, name: string) {
  executor.insert(ownerHouseholdMembers).values({ ownerId, name }).run();
}

/**
 * Makes an ownership's household exactly `members`, as its primary owner edits it. People
 * are kept by email (or by name when they have none); a new email, or one whose invitation
 * lapsed, gets a fresh invitation from `seal`; those left out are removed, members or not.
 * Whose an address is elsewhere is not looked at: that is asked only when the invitee
 * accepts, so that this form cannot tell who belongs to an ownership. The primary owner's
 * own address is refused (`household_email_is_yours`), which tells them nothing new.
 * Answers whom to email, and which rows went (their mail goes with them).
 */
export function saveHouseholdMembers(executor: Executor, ownerId: number, members: { name: string; email?: string }[], seal: () => InvitationSeal & { token: string }, now: Date) {
  const primaryEmail = executor.select({ email: users.email }).from(owners).innerJoin(users, eq(users.id, owners.userId)).where(eq(owners.id, ownerId)).get()?.email;
  members.forEach((member, index) => {
    if (member.email && member.email === primaryEmail) throw refuse("conflict", "household_email_is_yours", { [`household.${index}.email`]: [member.email] });
  });
  const current = executor.select().from(ownerHouseholdMembers).where(eq(ownerHouseholdMembers.ownerId, ownerId)).all();
  const kept = new Set<number>();
  const invitations: Invitation[] = [];
  for (const member of members) {
    const match = current.find((row) => !kept.has(row.id) && (member.email ? row.email === member.email : !row.email && row.name === member.name));
    if (match) {
      kept.add(match.id);
      const renewed = match.email && householdMemberStatus(match, now) === "invitation_expired" ? seal() : null;
      executor
        .update(ownerHouseholdMembers)
        .set({ name: member.name, ...(renewed && { inviteTokenHash: renewed.tokenHash, invitedAt: renewed.invitedAt, inviteExpiresAt: renewed.expiresAt }) })
        .where(eq(ownerHouseholdMembers.id, match.id))
        .run();
      if (renewed) invitations.push({ memberId: match.id, name: member.name, email: match.email!, token: renewed.token, expiresAt: renewed.expiresAt });
      continue;
    }
    if (!member.email) {
      insertHouseholdName(executor, ownerId, member.name);
      continue;
    }
    const fresh = seal();
    const memberId = insertHouseholdInvitation(executor, ownerId, { name: member.name, email: member.email }, fresh);
    invitations.push({ memberId, name: member.name, email: member.email, token: fresh.token, expiresAt: fresh.expiresAt });
  }
  const removed = current.filter((row) => !kept.has(row.id));
  for (const row of removed) executor.delete(ownerHouseholdMembers).where(eq(ownerHouseholdMembers.id, row.id)).run();
  return { invitations, removedIds: removed.map((row) => row.id) };
}

/** The open invitation an emailed token stands for, with who sent it; null when unknown, answered or lapsed. */
export function findInvitationByTokenHash(executor: Executor, tokenHash: string, now: Date) {
  const row = executor
    .select({ id: ownerHouseholdMembers.id, ownerId: ownerHouseholdMembers.ownerId, email: ownerHouseholdMembers.email, invitedBy: owners.name, expiresAt: ownerHouseholdMembers.inviteExpiresAt })
    .from(ownerHouseholdMembers)
    .innerJoin(owners, eq(owners.id, ownerHouseholdMembers.ownerId))
    .where(and(eq(ownerHouseholdMembers.inviteTokenHash, tokenHash), isNull(ownerHouseholdMembers.joinedAt)))
    .get();
  return row && row.expiresAt && row.expiresAt > now ? row : null;
}

/** The open invitations to an address (shown on that person's /account once they sign in with it). */
export function listOpenInvitationsForEmail(executor: Executor, email: string, now: Date) {
  return executor
    .select({ id: ownerHouseholdMembers.id, invitedBy: owners.name, expiresAt: ownerHouseholdMembers.inviteExpiresAt })
    .from(ownerHouseholdMembers)
    .innerJoin(owners, eq(owners.id, ownerHouseholdMembers.ownerId))
    .where(and(eq(ownerHouseholdMembers.email, email), isNull(ownerHouseholdMembers.joinedAt), isNotNull(ownerHouseholdMembers.inviteTokenHash)))
    .orderBy(asc(ownerHouseholdMembers.id))
    .all()
    .filter((invitation) => invitation.expiresAt && invitation.expiresAt > now);
}

/**
 * The signed-in person accepts an invitation sent to their own address: from now on they
 * see the ownership. Refused when it is not theirs or no longer open (`invitation_not_open`),
 * and while they belong to an ownership already (`already_in_ownership`): one person, one household.
 */
export function acceptHouseholdInvitation(executor: Executor, invitationId: number, person: { id: string; email: string }, now: Date) {
  const row = executor.select().from(ownerHouseholdMembers).where(eq(ownerHouseholdMembers.id, invitationId)).get();
  if (!row || row.email !== person.email || householdMemberStatus(row, now) !== "invited") throw refuse("not_found", "invitation_not_open");
  const primaryOfOne = executor.select({ id: owners.id }).from(owners).where(eq(owners.userId, person.id)).get();
  if (primaryOfOne || findOwnershipByEmail(executor, person.email)) throw refuse("conflict", "already_in_ownership");
  executor
    .update(ownerHouseholdMembers)
    .set({ userId: person.id, joinedAt: now, inviteTokenHash: null, inviteExpiresAt: null })
    .where(eq(ownerHouseholdMembers.id, row.id))
    .run();
  return { ownerId: row.ownerId };
}

/**
 * Removes an open invitation, by the emailed token (no sign-in needed to say no) or by id
 * for the signed-in person it was sent to. Answers the ownership, or null when there was
 * nothing open to decline.
 */
export function declineHouseholdInvitation(executor: Executor, which: { tokenHash: string } | { id: number; email: string }) {
  const match =
    "tokenHash" in which
      ? eq(ownerHouseholdMembers.inviteTokenHash, which.tokenHash)
      : and(eq(ownerHouseholdMembers.id, which.id), eq(ownerHouseholdMembers.email, which.email));
  return (
    executor
      .delete(ownerHouseholdMembers)
      .where(and(match, isNull(ownerHouseholdMembers.joinedAt)))
      .returning({ id: ownerHouseholdMembers.id, ownerId: ownerHouseholdMembers.ownerId })
      .get() ?? null
  );
}

/** A household member leaves the ownership they joined; answers which, or null if they were in none as a member. */
export function leaveHousehold(executor: Executor, userId: string) {
  return (
    executor
      .delete(ownerHouseholdMembers)
      .where(and(eq(ownerHouseholdMembers.userId, userId), isNotNull(ownerHouseholdMembers.joinedAt)))
      .returning({ id: ownerHouseholdMembers.id, ownerId: ownerHouseholdMembers.ownerId })
      .get() ?? null
  );
}

/** Staff remove a member or invitation from an ownership; answers whether there was one. */
export function removeHouseholdMember(executor: Executor, ownerId: number, memberId: number) {
  return executor.delete(ownerHouseholdMembers).where(and(eq(ownerHouseholdMembers.id, memberId), eq(ownerHouseholdMembers.ownerId, ownerId))).run().changes > 0;
}

/** Removes invitations never accepted that lapsed before `cutoff`; answers their ids. */
export function deleteLapsedInvitations(executor: Executor, cutoff: Date) {
  return executor
    .delete(ownerHouseholdMembers)
    .where(and(isNull(ownerHouseholdMembers.joinedAt), isNotNull(ownerHouseholdMembers.email), or(isNull(ownerHouseholdMembers.inviteExpiresAt), lt(ownerHouseholdMembers.inviteExpiresAt, cutoff))))
    .returning({ id: ownerHouseholdMembers.id })
    .all()
    .map((row) => row.id);
}
