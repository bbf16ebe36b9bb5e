import "server-only";
import { and, asc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import { invalidFields } from "@/lib/model/errors";
import type { CampaignSegment } from "@/lib/model/newsletter";
import { instantFromStoreDateTime } from "@/lib/model/store-time";
import { db } from "../index";
import { auditLog, newsletterCampaignLists, newsletterLists, newsletterListMembers, newsletterSubscribers, ownerHouseholdMembers, owners, users } from "../schema";
import type { Executor } from "./executor";

const lists = newsletterLists;
const members = newsletterListMembers;
const campaignLists = newsletterCampaignLists;
const subscribers = newsletterSubscribers;

/** The lists a campaign may be sent to (archived ones are no longer offered), in the forms' order. */
export function listChoosableLists(executor: Executor = db) {
  return executor
    .select({ id: lists.id, name: lists.name, audience: lists.audience, joinByDefault: lists.joinByDefault })
    .from(lists)
    .where(isNull(lists.archivedAt))
    .orderBy(asc(lists.position), asc(lists.id))
    .all();
}

/** The lists a campaign goes to, in the forms' order. */
export function listCampaignLists(executor: Executor, campaignId: number) {
  return executor
    .select({ id: lists.id, slug: lists.slug, name: lists.name, audience: lists.audience, archivedAt: lists.archivedAt })
    .from(campaignLists)
    .innerJoin(lists, eq(lists.id, campaignLists.listId))
    .where(eq(campaignLists.campaignId, campaignId))
    .orderBy(asc(lists.position), asc(lists.id))
    .all();
}

/** Sets a draft's lists; every one must exist and be offered (not archived), or the field `lists` says so. */
export function setCampaignLists(executor: Executor, campaignId: number, listIds: number[]) {
  const offered = listIds.length === 0 ? [] : executor.select({ id: lists.id }).from(lists).where(and(inArray(lists.id, listIds), isNull(lists.archivedAt))).all();
  if (listIds.length === 0 || offered.length !== new Set(listIds).size) {
    throw invalidFields({ lists: [listIds.length === 0 ? "Choose at least one list." : "One of these lists is no longer offered. Reload the page and choose again."] });
  }
  executor.delete(campaignLists).where(eq(campaignLists.campaignId, campaignId)).run();
  executor
    .insert(campaignLists)
    .values(offered.map(({ id }) => ({ campaignId, listId: id })))
    .run();
}

/** True for a subscriber whose address has an active ownership, as primary owner or as a household member who accepted. */
const hasOwnership = sql`(exists (select 1 from ${owners} join ${users} on ${users.id} = ${owners.userId}
    where ${owners.status} = 'active' and ${users.email} = ${subscribers.email})
  or exists (select 1 from ${ownerHouseholdMembers} join ${owners} on ${owners.id} = ${ownerHouseholdMembers.ownerId}
    where ${owners.status} = 'active' and ${ownerHouseholdMembers.joinedAt} is not null and ${ownerHouseholdMembers.email} = ${subscribers.email}))`;

/** Whether one subscriber's address has an active ownership: the preference page offers owners-only lists by it. */
export function subscriberHasOwnership(executor: Executor, subscriberId: number) {
  return executor.select({ yes: sql<number>`${hasOwnership}` }).from(subscribers).where(eq(subscribers.id, subscriberId)).get()?.yes === 1;
}

/** The first instant of a store day (YYYY-MM-DD), in epoch milliseconds as the columns hold it. */
const startOfStoreDay = (day: string) => instantFromStoreDateTime(`${day}T00:00`)?.getTime() ?? Date.parse(`${day}T00:00:00Z`);

/**
 * Who a campaign reaches, decided as it runs: confirmed subscribers whose address has not
 * bounced, subscribed to at least one of its lists (an owners-only list counts only for
 * someone who still has an ownership; an archived one for nobody), narrowed by its segment. One condition on
 * `newsletter_subscribers`, so each person counts once however many of its lists they are on.
 */
export function campaignRecipientCondition(campaignId: number, segment: CampaignSegment | null): SQL {
  const from = segment?.subscribedFrom ? sql` and ${members.consentAt} >= ${startOfStoreDay(segment.subscribedFrom)}` : sql``;
  const before = segment?.subscribedBefore ? sql` and ${members.consentAt} < ${startOfStoreDay(segment.subscribedBefore)}` : sql``;
  const ownership = segment?.ownership === "owners" ? sql` and ${hasOwnership}` : segment?.ownership === "not_owners" ? sql` and not ${hasOwnership}` : sql``;
  return sql`${subscribers.status} = 'confirmed' and ${subscribers.bouncedAt} is null${ownership} and exists (
    select 1 from ${members}
    join ${campaignLists} on ${campaignLists.listId} = ${members.listId} and ${campaignLists.campaignId} = ${campaignId}
    join ${lists} on ${lists.id} = ${members.listId}
    where ${members.subscriberId} = ${subscribers.id} and ${members.status} = 'subscribed'
      and ${lists.archivedAt} is null and (${lists.audience} <> 'owners' or ${hasOwnership})${from}${before})`;
}

/** How many a campaign would reach if it went out now (the count staff see, and the one frozen when it starts). */
export function countCampaignRecipients(executor: Executor, campaignId: number, segment: CampaignSegment | null) {
  return executor.select({ n: sql<number>`count(*)` }).from(subscribers).where(campaignRecipientCondition(campaignId, segment)).get()!.n;
}

/**
 * Takes a subscriber off those of a campaign's lists they are on (still subscribed or
 * waiting), as its email's unsubscribe does; their other lists stay. Returns the names of
 * the lists left, empty when there was nothing to leave.
 */
export function leaveCampaignLists(executor: Executor, subscriberId: number, campaignId: number, now: Date) {
  const onThem = executor
    .select({ id: lists.id, slug: lists.slug, name: lists.name })
    .from(members)
    .innerJoin(campaignLists, and(eq(campaignLists.listId, members.listId), eq(campaignLists.campaignId, campaignId)))
    .innerJoin(lists, eq(lists.id, members.listId))
    .where(and(eq(members.subscriberId, subscriberId), ne(members.status, "left")))
    .orderBy(asc(lists.position), asc(lists.id))
    .all();
  if (onThem.length === 0) return [];
  executor
    .update(members)
    .set({ status: "left", leftAt: now })
    .where(and(eq(members.subscriberId, subscriberId), inArray(members.listId, onThem.map((list) => list.id))))
    .run();
  return onThem;
}

/** The audit action an unsubscribe from one campaign's email is recorded under; the campaign's statistics count these. */
export const LEFT_FROM_CAMPAIGN_ACTION = "newsletter_subscriber.leave_campaign_lists";

/** How many people left a campaign's lists through one of its emails (each person once). */
export function countUnsubscribedFromCampaign(campaignId: number) {
  return db
    .select({ n: sql<number>`count(distinct ${auditLog.subjectId})` })
    .from(auditLog)
    .where(and(eq(auditLog.action, LEFT_FROM_CAMPAIGN_ACTION), sql`json_extract(${auditLog.detail}, '$.campaignId') = ${campaignId}`))
    .get()!.n;
}
