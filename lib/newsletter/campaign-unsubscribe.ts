import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { recordAudit } from "@/db/queries/audit";
import type { Executor, Tx } from "@/db/queries/executor";
import { LEFT_FROM_CAMPAIGN_ACTION, leaveCampaignLists, listCampaignLists } from "@/db/queries/newsletter-campaign-lists";
import { cancelQueuedDeliveriesOffLists, getDeliveryByTokenHash } from "@/db/queries/newsletter-deliveries";
import { newsletterListMembers } from "@/db/schema";
import { subscriberSubject, type SubscriptionChannel } from "./subscriptions";

/**
 * A campaign email's own unsubscribe token (its delivery's) leaves only the lists that
 * email was sent to: someone who gets sales flyers and class news and is tired of the
 * flyers keeps the classes. The subscriber's own token (the confirmation email's, the
 * account's) still unsubscribes from everything (see unsubscribe.ts).
 */

/**
 * The delivery behind a campaign email's token, with the names of its campaign's lists;
 * null when the token is not one (or its person was erased), or when its campaign has no
 * list (only a row written by hand: every campaign from before lists was put on the first
 * one), whose link then unsubscribes from everything as it always did.
 */
export function campaignEmailOfToken(executor: Executor, tokenHash: string) {
  const delivery = getDeliveryByTokenHash(executor, tokenHash);
  if (!delivery?.subscriberId) return null;
  const lists = listCampaignLists(executor, delivery.campaignId);
  if (lists.length === 0) return null;
  const stillOn = executor
    .select({ listId: newsletterListMembers.listId })
    .from(newsletterListMembers)
    .where(and(eq(newsletterListMembers.subscriberId, delivery.subscriberId), inArray(newsletterListMembers.listId, lists.map((list) => list.id)), ne(newsletterListMembers.status, "left")))
    .all();
  return { campaignId: delivery.campaignId, subscriberId: delivery.subscriberId, lists: lists.map((list) => list.name), alreadyLeft: stillOn.length === 0 };
}

/**
 * Inside the caller's immediate transaction: takes the person off the email's lists,
 * withdraws their queued emails of campaigns they are now on no list of, and audits it
 * under the campaign (its statistics count these). Using the link again changes nothing.
 */
export function leaveListsOfCampaignEmail(tx: Tx, email: { campaignId: number; subscriberId: number; lists: string[] }, via: Extract<SubscriptionChannel, "link" | "one-click">) {
  const left = leaveCampaignLists(tx, email.subscriberId, email.campaignId, new Date());
  const cancelledEmails = cancelQueuedDeliveriesOffLists(tx, email.subscriberId);
  if (left.length > 0 || cancelledEmails > 0) {
    recordAudit(tx, null, {
      action: LEFT_FROM_CAMPAIGN_ACTION,
      ...subscriberSubject(email.subscriberId),
      detail: { via, campaignId: email.campaignId, lists: left.map((list) => list.slug), cancelledEmails },
    });
  }
  return { alreadyUnsubscribed: left.length === 0, lists: email.lists };
}
