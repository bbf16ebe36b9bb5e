import "server-only";
import { and, eq, inArray, isNotNull, notExists, sql } from "drizzle-orm";
import type { CampaignSegment } from "@/lib/model/newsletter";
import { db } from "../index";
import { emailOutbox, newsletterCampaignLists, newsletterCampaigns, newsletterDeliveries, newsletterListMembers, newsletterSubscribers, type NewsletterCampaign } from "../schema";
import type { Executor } from "./executor";
import { campaignRecipientCondition } from "./newsletter-campaign-lists";

const deliveries = newsletterDeliveries;
const subscribers = newsletterSubscribers;

/** The campaign's recipients (as they stand now, as this runs) who have no delivery of it yet. */
const recipientsWithoutDelivery = (executor: Executor, campaign: CampaignTarget) =>
  and(
    campaignRecipientCondition(campaign.id, campaign.segment),
    notExists(
      executor
        .select({ one: sql`1` })
        .from(deliveries)
        .where(and(eq(deliveries.campaignId, campaign.id), eq(deliveries.subscriberId, subscribers.id))),
    ),
  );

/** A campaign as its recipients are picked: its id (which names its lists) and its segment. */
export type CampaignTarget = { id: number; segment: CampaignSegment | null };

/** The next subscribers a campaign must reach, in a stable order. Run inside the transaction that inserts their deliveries. */
export function listSubscribersWithoutDelivery(executor: Executor, campaign: CampaignTarget, limit: number) {
  return executor
    .select({ id: subscribers.id, email: subscribers.email, firstName: subscribers.firstName })
    .from(subscribers)
    .where(recipientsWithoutDelivery(executor, campaign))
    .orderBy(subscribers.id)
    .limit(limit)
    .all();
}

function countSubscribersWithoutDelivery(campaignId: number) {
  const campaign = db.select({ id: newsletterCampaigns.id, segment: newsletterCampaigns.segment }).from(newsletterCampaigns).where(eq(newsletterCampaigns.id, campaignId)).get();
  return campaign ? db.select({ n: sql<number>`count(*)` }).from(subscribers).where(recipientsWithoutDelivery(db, campaign)).get()!.n : 0;
}

/** One subscriber's copy of a campaign, queued in the same transaction as its outbox message. */
export function insertDelivery(executor: Executor, delivery: { campaignId: number; subscriberId: number; emailId: number; unsubscribeTokenHash: string }) {
  executor.insert(deliveries).values(delivery).run();
}

export type DeliveryCounts = { queued: number; sent: number; failed: number };

/**
 * Per campaign, its live deliveries by the state of their outbox message. A delivery whose
 * message was withdrawn (the person unsubscribed before it left) is not counted.
 */
function deliveryCountsByCampaign(campaignId?: number) {
  const rows = db
    .select({
      campaignId: deliveries.campaignId,
      total: sql<number>`count(*)`,
      sent: sql<number>`coalesce(sum(${emailOutbox.status} = 'sent'), 0)`,
      failed: sql<number>`coalesce(sum(${emailOutbox.status} = 'failed'), 0)`,
    })
    .from(deliveries)
    .innerJoin(emailOutbox, eq(emailOutbox.id, deliveries.emailId))
    .where(and(eq(deliveries.status, "queued"), isNotNull(deliveries.emailId), campaignId === undefined ? undefined : eq(deliveries.campaignId, campaignId)))
    .groupBy(deliveries.campaignId)
    .all();
  return new Map(rows.map((row) => [row.campaignId, { queued: row.total - row.sent - row.failed, sent: row.sent, failed: row.failed }]));
}

export type CampaignProgress = DeliveryCounts & {
  /** Recipients the sender has not reached yet (sending only). */
  remaining: number;
  total: number;
};

const progressOf = (counts: DeliveryCounts | undefined, remaining: number): CampaignProgress => {
  const { queued, sent, failed } = counts ?? { queued: 0, sent: 0, failed: 0 };
  return { queued, sent, failed, remaining, total: queued + sent + failed + remaining };
};

/**
 * How far each started campaign has gone: `sent` messages the SMTP server accepted, out of
 * `total` = every live delivery plus, while sending, the confirmed subscribers still to be
 * reached (its recipients as they stand now). Drafts are left out of the map.
 */
export function progressOfCampaigns(list: Pick<NewsletterCampaign, "id" | "status">[]) {
  const counts = deliveryCountsByCampaign(list.length === 1 ? list[0]!.id : undefined);
  const progress = new Map<number, CampaignProgress>();
  for (const campaign of list) {
    if (campaign.status === "draft") continue;
    progress.set(campaign.id, progressOf(counts.get(campaign.id), campaign.status === "sending" ? countSubscribersWithoutDelivery(campaign.id) : 0));
  }
  return progress;
}

/**
 * Withdraws a subscriber's campaign emails still waiting in the outbox whose campaign they
 * are no longer subscribed to any list of (after leaving some lists): the delivery is
 * marked cancelled and its message deleted. Returns how many were withdrawn.
 */
export function cancelQueuedDeliveriesOffLists(executor: Executor, subscriberId: number) {
  const stillOnOneOfItsLists = sql`exists (select 1 from ${newsletterCampaignLists}
    join ${newsletterListMembers} on ${newsletterListMembers.listId} = ${newsletterCampaignLists.listId}
    where ${newsletterCampaignLists.campaignId} = ${deliveries.campaignId}
      and ${newsletterListMembers.subscriberId} = ${subscriberId} and ${newsletterListMembers.status} = 'subscribed')`;
  const waiting = executor
    .select({ deliveryId: deliveries.id, emailId: emailOutbox.id })
    .from(deliveries)
    .innerJoin(emailOutbox, eq(emailOutbox.id, deliveries.emailId))
    .where(and(eq(deliveries.subscriberId, subscriberId), eq(deliveries.status, "queued"), eq(emailOutbox.status, "queued"), sql`not ${stillOnOneOfItsLists}`))
    .all();
  if (waiting.length === 0) return 0;
  executor.update(deliveries).set({ status: "cancelled" }).where(inArray(deliveries.id, waiting.map((row) => row.deliveryId))).run();
  executor
    .delete(emailOutbox)
    .where(and(inArray(emailOutbox.id, waiting.map((row) => row.emailId)), eq(emailOutbox.status, "queued")))
    .run();
  return waiting.length;
}

/** The delivery a campaign email's own token (its unsubscribe and preference links) belongs to, or null. */
export function getDeliveryByTokenHash(executor: Executor, hash: string) {
  return executor
    .select({ id: deliveries.id, campaignId: deliveries.campaignId, subscriberId: deliveries.subscriberId, createdAt: deliveries.createdAt })
    .from(deliveries)
    .where(eq(deliveries.unsubscribeTokenHash, hash))
    .get() ?? null;
}
