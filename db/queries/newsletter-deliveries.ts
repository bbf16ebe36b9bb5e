import "server-only";
import { and, eq, isNotNull, notExists, sql } from "drizzle-orm";
import { db } from "../index";
import { emailOutbox, newsletterDeliveries, newsletterSubscribers, type NewsletterCampaign } from "../schema";
import type { Executor } from "./executor";

const deliveries = newsletterDeliveries;
const subscribers = newsletterSubscribers;

/** Confirmed subscribers (confirmed now, as this runs) who have no delivery of the campaign yet. */
const confirmedWithoutDelivery = (executor: Executor, campaignId: number) =>
  and(
    eq(subscribers.status, "confirmed"),
    notExists(
      executor
        .select({ one: sql`1` })
        .from(deliveries)
        .where(and(eq(deliveries.campaignId, campaignId), eq(deliveries.subscriberId, subscribers.id))),
    ),
  );

/** The next subscribers a campaign must reach, in a stable order. Run inside the transaction that inserts their deliveries. */
export function listSubscribersWithoutDelivery(executor: Executor, campaignId: number, limit: number) {
  return executor
    .select({ id: subscribers.id, email: subscribers.email, firstName: subscribers.firstName })
    .from(subscribers)
    .where(confirmedWithoutDelivery(executor, campaignId))
    .orderBy(subscribers.id)
    .limit(limit)
    .all();
}

function countSubscribersWithoutDelivery(campaignId: number) {
  return db.select({ n: sql<number>`count(*)` }).from(subscribers).where(confirmedWithoutDelivery(db, campaignId)).get()!.n;
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
  /** Confirmed subscribers the sender has not reached yet (sending only). */
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
 * reached. Drafts are left out of the map.
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
