import "server-only";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import type { Executor } from "@/db/queries/executor";
import { subscriberHasOwnership } from "@/db/queries/newsletter-campaign-lists";
import { cancelQueuedDeliveriesOffLists, getDeliveryByTokenHash } from "@/db/queries/newsletter-deliveries";
import { listJoinableNewsletterLists, listMembershipsOfSubscriber, setSubscriberLists } from "@/db/queries/newsletter-lists";
import { getSubscriberById, markSubscriberConfirmed } from "@/db/queries/newsletter-subscribers";
import { AppError, invalidFields } from "@/lib/model/errors";
import { PREFERENCE_LINK_JOIN_DAYS, preferenceLinkCanJoin } from "@/lib/model/newsletter";
import { listChoices, type AccountListChoice } from "./account-lists";
import { consentAddress, LINK_PROBLEMS, subscriberSubject } from "./subscriptions";
import { hashNewsletterToken, isWellFormedToken, newNewsletterToken } from "./tokens";
import { unsubscribeInTransaction } from "./unsubscribe";

/**
 * The preference page a newsletter email links to. Its key is the email's own token (the
 * one its unsubscribe link carries), so each email opens the page of the person it went
 * to and no other; opening the page changes nothing, its buttons do. The same choices
 * as on /account, with consent source `preferences`.
 */

export type PreferenceLink =
  | { state: "unknown" }
  | { state: "valid"; subscribed: boolean; canJoin: boolean; lists: AccountListChoice[] };

export const JOIN_WINDOW_PROBLEM = `This link comes from an email more than ${PREFERENCE_LINK_JOIN_DAYS} days old: it can take you off lists, but not add one. Use the link in a newer email, or sign in and choose on your account page.`;

/** The subscriber an email's token belongs to, with when that email was queued; null when it is not one (or they were erased). */
function readerOf(executor: Executor, token: string) {
  if (!isWellFormedToken(token)) return null;
  const delivery = getDeliveryByTokenHash(executor, hashNewsletterToken(token));
  const subscriber = delivery?.subscriberId ? getSubscriberById(executor, delivery.subscriberId) : null;
  return subscriber && delivery ? { subscriber, emailSentAt: delivery.createdAt } : null;
}

const offeredLists = (executor: Executor, subscriberId: number) =>
  listJoinableNewsletterLists(executor, { hasOwnership: subscriberHasOwnership(executor, subscriberId) });

/** The lists the reader is subscribed to now (none once they unsubscribed from everything). */
function subscribedListIds(executor: Executor, subscriber: { id: number; status: string }) {
  if (subscriber.status !== "confirmed") return new Set<number>();
  return new Set(listMembershipsOfSubscriber(executor, subscriber.id).filter((row) => row.status === "subscribed").map((row) => row.listId));
}

/** What the page shows for a token, before any button is pressed. */
export function describePreferenceLink(token: string, now = new Date()): PreferenceLink {
  const reader = readerOf(db, token);
  if (!reader) return { state: "unknown" };
  const on = subscribedListIds(db, reader.subscriber);
  return {
    state: "valid",
    subscribed: on.size > 0,
    canJoin: preferenceLinkCanJoin(reader.emailSentAt, now),
    lists: listChoices(offeredLists(db, reader.subscriber.id), (list) => on.has(list.id)),
  };
}

/**
 * Saves the reader's choice in one immediate transaction: ticked lists joined with consent
 * now from their client address, unticked ones left, and their waiting emails of lists
 * they left withdrawn. Someone who had unsubscribed from everything is subscribed again
 * by ticking a list: the email in their hands proves the address, as a confirmation does.
 * Ticking nothing leaves every list ("leave all"). Adding a list needs an email younger
 * than the join window (`lists` error otherwise); lists not offered to them are ignored.
 */
export function savePreferences(token: string, wanted: number[], ip: string, now = new Date()) {
  return db.transaction(
    (tx) => {
      const reader = readerOf(tx, token);
      if (!reader) throw new AppError("not_found", LINK_PROBLEMS.preferencesUnknown);
      const { subscriber } = reader;
      const offered = offeredLists(tx, subscriber.id).map((list) => list.id);
      const chosen = wanted.filter((id) => offered.includes(id));
      if (chosen.length === 0) {
        unsubscribeInTransaction(tx, subscriber, null, "preferences");
        return { subscribed: false };
      }
      const on = subscribedListIds(tx, subscriber);
      if (chosen.some((id) => !on.has(id)) && !preferenceLinkCanJoin(reader.emailSentAt, now)) throw invalidFields({ lists: [JOIN_WINDOW_PROBLEM] });
      const address = consentAddress(ip);
      if (subscriber.status !== "confirmed") {
        markSubscriberConfirmed(tx, subscriber.id, { at: now, ip: address, unsubscribeTokenHash: hashNewsletterToken(newNewsletterToken()) });
        recordAudit(tx, null, { action: "newsletter_subscriber.confirm", ...subscriberSubject(subscriber.id), detail: { via: "preferences" } });
      }
      const { joined, left } = setSubscriberLists(tx, subscriber.id, offered, chosen, { at: now, ip: address, source: "preferences" });
      const cancelledEmails = left.length > 0 ? cancelQueuedDeliveriesOffLists(tx, subscriber.id) : 0;
      if (joined.length > 0 || left.length > 0) {
        recordAudit(tx, null, { action: "newsletter_subscriber.lists", ...subscriberSubject(subscriber.id), detail: { via: "preferences", joined, left, cancelledEmails } });
      }
      return { subscribed: true };
    },
    { behavior: "immediate" },
  );
}

/** "Leave all" from the preference page: unsubscribes from everything, as the account page's button does. */
export function leaveAllByPreferences(token: string) {
  return db.transaction(
    (tx) => {
      const reader = readerOf(tx, token);
      if (!reader) throw new AppError("not_found", LINK_PROBLEMS.preferencesUnknown);
      return unsubscribeInTransaction(tx, reader.subscriber, null, "preferences");
    },
    { behavior: "immediate" },
  );
}
