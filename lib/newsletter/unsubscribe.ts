import "server-only";
import { db } from "@/db";
import { recordAudit, type AuditActor } from "@/db/queries/audit";
import type { Tx } from "@/db/queries/executor";
import { leaveAllLists } from "@/db/queries/newsletter-lists";
import {
  cancelQueuedNewsletterEmails,
  getSubscriberByEmail,
  getSubscriberById,
  getSubscriberByUnsubscribeTokenHash,
  markSubscriberUnsubscribed,
} from "@/db/queries/newsletter-subscribers";
import type { NewsletterSubscriber } from "@/db/schema";
import { AppError } from "@/lib/model/errors";
import { campaignEmailOfToken, leaveListsOfCampaignEmail } from "./campaign-unsubscribe";
import { LINK_PROBLEMS, subscriberSubject, type SubscriptionChannel } from "./subscriptions";
import { hashNewsletterToken, isWellFormedToken } from "./tokens";

/** `lists`: a campaign email's link, which leaves only these lists (absent: everything). */
export type UnsubscribeLinkState = { state: "valid"; alreadyUnsubscribed: boolean; lists?: string[] } | { state: "unknown" };

/** What the unsubscribe page may say about a link before its button is pressed. */
export function describeUnsubscribeLink(token: string): UnsubscribeLinkState {
  if (!isWellFormedToken(token)) return { state: "unknown" };
  const email = campaignEmailOfToken(db, hashNewsletterToken(token));
  if (email) return { state: "valid", alreadyUnsubscribed: email.alreadyLeft, lists: email.lists };
  const subscriber = getSubscriberByUnsubscribeTokenHash(db, hashNewsletterToken(token));
  return subscriber ? { state: "valid", alreadyUnsubscribed: subscriber.status === "unsubscribed" } : { state: "unknown" };
}

/**
 * Inside the caller's transaction: unsubscribes, leaves every list ("leave all"), cancels
 * the campaign emails still waiting in the outbox for them, and audits how. Answers
 * whether they were already out.
 */
export function unsubscribeInTransaction(tx: Tx, subscriber: NewsletterSubscriber, actor: AuditActor | null, via: SubscriptionChannel) {
  const now = new Date();
  const changed = markSubscriberUnsubscribed(tx, subscriber.id, now);
  leaveAllLists(tx, subscriber.id, now);
  const cancelledEmails = cancelQueuedNewsletterEmails(tx, subscriber.id);
  if (changed || cancelledEmails > 0) {
    recordAudit(tx, actor, { action: "newsletter_subscriber.unsubscribe", ...subscriberSubject(subscriber.id), detail: { via, cancelledEmails } });
  }
  return { alreadyUnsubscribed: !changed };
}

/**
 * Unsubscribes whoever a token belongs to, from the link's page or the RFC 8058 one-click
 * POST: one campaign email's token (newsletter_deliveries) leaves that email's lists only
 * (see campaign-unsubscribe.ts); a subscriber's own token unsubscribes from everything. Their newsletter emails not yet sent are taken out of the outbox in the
 * same transaction. Unsubscribe tokens do not expire: a link in an old email must keep
 * working, and using one again changes nothing. An unknown token changes nothing and
 * throws `not_found`.
 */
export function unsubscribeByToken(token: string, via: Extract<SubscriptionChannel, "link" | "one-click">) {
  return db.transaction(
    (tx): { alreadyUnsubscribed: boolean; lists?: string[] } => {
      const email = isWellFormedToken(token) ? campaignEmailOfToken(tx, hashNewsletterToken(token)) : null;
      if (email) return leaveListsOfCampaignEmail(tx, email, via);
      const subscriber = isWellFormedToken(token) ? getSubscriberByUnsubscribeTokenHash(tx, hashNewsletterToken(token)) : null;
      if (!subscriber) throw new AppError("not_found", LINK_PROBLEMS.unsubscribeUnknown);
      return unsubscribeInTransaction(tx, subscriber, null, via);
    },
    { behavior: "immediate" },
  );
}

/** /account, signed in: unsubscribes the person's own address (nothing happens if it is not subscribed). */
export function unsubscribeFromAccount(user: AuditActor) {
  db.transaction(
    (tx) => {
      const subscriber = getSubscriberByEmail(tx, user.email.toLowerCase());
      if (subscriber) unsubscribeInTransaction(tx, subscriber, user, "account");
    },
    { behavior: "immediate" },
  );
}

/** Staff: unsubscribes someone by hand (they asked at the till, the address bounces); audited with who did it. */
export function unsubscribeByStaff(staff: AuditActor, subscriberId: number) {
  return db.transaction(
    (tx) => {
      const subscriber = getSubscriberById(tx, subscriberId);
      if (!subscriber) throw new AppError("not_found", "That subscriber no longer exists.");
      return unsubscribeInTransaction(tx, subscriber, staff, "staff");
    },
    { behavior: "immediate" },
  );
}
