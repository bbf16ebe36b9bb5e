import "server-only";
import { and, asc, eq, gt, gte, inArray, isNull, ne, notInArray, or, sql } from "drizzle-orm";
import { refusals } from "@/lib/model/errors";
import type { ConsentSource, ListAudience } from "@/lib/model/newsletter";
import { newsletterListMembers, newsletterLists, type NewsletterList } from "../schema";
import type { Executor } from "./executor";
import { freeSlug } from "./free-slug";

/** The reasons these queries refuse with. */
export type NewsletterListRefusal = "slug_taken" | "list_not_found";
const refuse = refusals<NewsletterListRefusal>();

export type NewsletterListFields = { name: string; slug: string; description: string; audience: ListAudience; joinByDefault: boolean; position: number };

const byPosition = [asc(newsletterLists.position), asc(newsletterLists.id)] as const;

/** The lists still offered (not archived), in the order the forms show them. */
export function listActiveNewsletterLists(executor: Executor): NewsletterList[] {
  return executor
    .select()
    .from(newsletterLists)
    .where(isNull(newsletterLists.archivedAt))
    .orderBy(...byPosition)
    .all();
}

/** The lists a person may join: every active list open to everyone, and the owners-only ones too for someone with an ownership. */
export function listJoinableNewsletterLists(executor: Executor, { hasOwnership }: { hasOwnership: boolean }) {
  return listActiveNewsletterLists(executor).filter((list) => list.audience === "everyone" || hasOwnership);
}

/** Staff: every list, archived ones last, with how many are on it, waiting for it, and left it. */
export function listNewsletterListsWithCounts(executor: Executor) {
  const counts = executor
    .select({ listId: newsletterListMembers.listId, status: newsletterListMembers.status, n: sql<number>`count(*)` })
    .from(newsletterListMembers)
    .groupBy(newsletterListMembers.listId, newsletterListMembers.status)
    .all();
  const lists = executor
    .select()
    .from(newsletterLists)
    .orderBy(sql`${newsletterLists.archivedAt} is not null`, ...byPosition)
    .all();
  return lists.map((list) => {
    const of = (status: string) => counts.find((row) => row.listId === list.id && row.status === status)?.n ?? 0;
    return { ...list, subscribed: of("subscribed"), pending: of("pending"), left: of("left") };
  });
}

export function getNewsletterListById(executor: Executor, id: number): NewsletterList | null {
  return executor.select().from(newsletterLists).where(eq(newsletterLists.id, id)).get() ?? null;
}

function slugTaken(executor: Executor, slug: string) {
  return executor.select({ id: newsletterLists.id }).from(newsletterLists).where(eq(newsletterLists.slug, slug)).get() !== undefined;
}

/** A new list's address made from its name: `base`, or `base-2`, `base-3`… when taken. */
export const freeNewsletterListSlug = (executor: Executor, base: string) => freeSlug(executor, newsletterLists, base, 60);

/** Adds a list; `conflict` (`slug_taken`) when its address is in use. */
export function insertNewsletterList(executor: Executor, fields: NewsletterListFields, at = new Date()) {
  if (slugTaken(executor, fields.slug)) throw refuse("conflict", "slug_taken");
  return executor
    .insert(newsletterLists)
    .values({ ...fields, createdAt: at, updatedAt: at })
    .returning({ id: newsletterLists.id })
    .get().id;
}

/**
 * Saves a list's fields; its address stays what it was made (campaigns and exports name
 * it). Returns the list as it was; `not_found` (`list_not_found`).
 */
export function updateNewsletterList(executor: Executor, id: number, fields: Omit<NewsletterListFields, "slug">, at = new Date()) {
  const before = getNewsletterListById(executor, id);
  if (!before) throw refuse("not_found", "list_not_found");
  executor
    .update(newsletterLists)
    .set({ ...fields, updatedAt: at })
    .where(eq(newsletterLists.id, id))
    .run();
  return before;
}

/**
 * Archives a list: nobody can join it any more and no campaign can choose it; its members'
 * rows (their consents) stay on record. Archiving an archived list changes nothing.
 */
export function archiveNewsletterList(executor: Executor, id: number, at = new Date()) {
  const before = getNewsletterListById(executor, id);
  if (!before) throw refuse("not_found", "list_not_found");
  if (!before.archivedAt) {
    executor.update(newsletterLists).set({ archivedAt: at, updatedAt: at }).where(eq(newsletterLists.id, id)).run();
  }
  return before;
}

/** A subscriber's rows on every list, archived ones included. */
export function listMembershipsOfSubscriber(executor: Executor, subscriberId: number) {
  return executor.select().from(newsletterListMembers).where(eq(newsletterListMembers.subscriberId, subscriberId)).all();
}

/**
 * A signup's (or an import's) choice of lists, waiting for the address to be confirmed:
 * a list not yet chosen becomes `pending`; an earlier unconfirmed choice not made again is
 * dropped (it never had consent). A list the subscriber left stays `left`: only its
 * `chosenAt` records the new choice, which the confirmation (the person's own act) turns
 * into a subscription, so a form filled in by someone else puts nobody back on a list.
 * A list they are on is left as it is.
 */
export function chooseListsForSubscriber(executor: Executor, subscriberId: number, listIds: number[], values: { at: Date; source: ConsentSource }) {
  const mine = eq(newsletterListMembers.subscriberId, subscriberId);
  executor
    .delete(newsletterListMembers)
    .where(and(mine, eq(newsletterListMembers.status, "pending"), listIds.length ? notInArray(newsletterListMembers.listId, listIds) : undefined))
    .run();
  if (listIds.length === 0) return;
  executor
    .insert(newsletterListMembers)
    .values(listIds.map((listId) => ({ listId, subscriberId, status: "pending" as const, chosenAt: values.at, consentSource: values.source })))
    .onConflictDoUpdate({
      target: [newsletterListMembers.listId, newsletterListMembers.subscriberId],
      set: { chosenAt: values.at, consentSource: values.source },
      setWhere: ne(newsletterListMembers.status, "subscribed"),
    })
    .run();
}

/** Which rows the confirmation turns into subscriptions (see activateChosenLists). */
const chosenAndWaiting = (subscriberId: number, chosenSince: Date) =>
  and(
    eq(newsletterListMembers.subscriberId, subscriberId),
    or(
      eq(newsletterListMembers.status, "pending"),
      and(eq(newsletterListMembers.status, "left"), gte(newsletterListMembers.chosenAt, chosenSince), gt(newsletterListMembers.chosenAt, newsletterListMembers.leftAt)),
    ),
  );

/** The names of the lists a confirmation link will subscribe to, for its page. */
export function listChosenListNames(executor: Executor, subscriberId: number, chosenSince: Date) {
  return executor
    .select({ name: newsletterLists.name })
    .from(newsletterListMembers)
    .innerJoin(newsletterLists, eq(newsletterLists.id, newsletterListMembers.listId))
    .where(chosenAndWaiting(subscriberId, chosenSince))
    .orderBy(...byPosition)
    .all()
    .map((row) => row.name);
}

/**
 * The address is confirmed: every list chosen and waiting becomes `subscribed`, with the
 * consent's time and client address; so does a list they had left and chose again at
 * this signup (`chosenAt` on or after `chosenSince`, the signup's time, and after they
 * left). Its consent source stays the one of the choice (form or import).
 */
export function activateChosenLists(executor: Executor, subscriberId: number, values: { at: Date; ip: string; chosenSince: Date }) {
  return executor
    .update(newsletterListMembers)
    .set({ status: "subscribed", consentAt: values.at, consentIp: values.ip, leftAt: null })
    .where(chosenAndWaiting(subscriberId, values.chosenSince))
    .run().changes;
}

/**
 * A person's own choice among `offered` lists, saved at once with consent now: signing in
 * (`account`) or opening a newsletter email's preference link (`preferences`) proved the
 * address. A wanted list becomes `subscribed`, an unwanted one they were on or waiting
 * for becomes `left`. Lists not offered to them (archived, or owners-only for someone
 * without an ownership) are not touched. Returns the ids joined and left.
 */
export function setSubscriberLists(
  executor: Executor,
  subscriberId: number,
  offered: number[],
  wanted: number[],
  values: { at: Date; ip: string; source: Extract<ConsentSource, "account" | "preferences"> },
) {
  const current = new Map(listMembershipsOfSubscriber(executor, subscriberId).map((row) => [row.listId, row.status]));
  const joined = offered.filter((id) => wanted.includes(id) && current.get(id) !== "subscribed");
  const left = offered.filter((id) => !wanted.includes(id) && (current.get(id) === "subscribed" || current.get(id) === "pending"));
  if (joined.length > 0) {
    const consent = { status: "subscribed" as const, chosenAt: values.at, consentAt: values.at, consentIp: values.ip, consentSource: values.source, leftAt: null };
    executor
      .insert(newsletterListMembers)
      .values(joined.map((listId) => ({ listId, subscriberId, ...consent })))
      .onConflictDoUpdate({ target: [newsletterListMembers.listId, newsletterListMembers.subscriberId], set: consent })
      .run();
  }
  if (left.length > 0) {
    executor
      .update(newsletterListMembers)
      .set({ status: "left", leftAt: values.at })
      .where(and(eq(newsletterListMembers.subscriberId, subscriberId), inArray(newsletterListMembers.listId, left)))
      .run();
  }
  return { joined, left };
}

/** Leaves every list the subscriber is on or waiting for (their consents stay on record); returns how many. */
export function leaveAllLists(executor: Executor, subscriberId: number, at: Date) {
  return executor
    .update(newsletterListMembers)
    .set({ status: "left", leftAt: at })
    .where(and(eq(newsletterListMembers.subscriberId, subscriberId), ne(newsletterListMembers.status, "left")))
    .run().changes;
}

/** Choices still waiting on subscribers whose confirmation link lapsed: dropped with the link (they never had consent). */
export function dropPendingMemberships(executor: Executor, subscriberIds: number[]) {
  if (subscriberIds.length === 0) return 0;
  return executor
    .delete(newsletterListMembers)
    .where(and(inArray(newsletterListMembers.subscriberId, subscriberIds), eq(newsletterListMembers.status, "pending")))
    .run().changes;
}
