import "server-only";
import { and, desc, eq, isNotNull, notExists, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { CampaignInput } from "@/lib/validations/newsletter-campaigns";
import { db } from "../index";
import { emailOutbox, newsletterCampaigns, newsletterDeliveries, newsletterSubscribers } from "../schema";
import type { Executor } from "./executor";

const campaigns = newsletterCampaigns;
const deliveries = newsletterDeliveries;
const subscribers = newsletterSubscribers;

function getCampaignOrThrow(executor: Executor, id: number) {
  const campaign = executor.select().from(campaigns).where(eq(campaigns.id, id)).get();
  if (!campaign) throw new AppError("not_found", "campaign_not_found");
  return campaign;
}

function getDraftOrThrow(executor: Executor, id: number) {
  const campaign = getCampaignOrThrow(executor, id);
  if (campaign.status !== "draft") throw new AppError("conflict", "not_draft");
  return campaign;
}

/** Adds a draft campaign; returns its id. */
export function insertCampaign(executor: Executor, fields: CampaignInput, userId: string) {
  return executor
    .insert(campaigns)
    .values({ ...fields, status: "draft", createdBy: userId })
    .returning({ id: campaigns.id })
    .get().id;
}

/** Saves a draft's text; `conflict` (`not_draft`) once sending has started. Returns it as it was. */
export function updateDraftCampaign(executor: Executor, id: number, fields: CampaignInput) {
  const before = getDraftOrThrow(executor, id);
  executor
    .update(campaigns)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(campaigns.id, id), eq(campaigns.status, "draft")))
    .run();
  return before;
}

/** Deletes a draft (never a campaign that went out: its archive page stays). */
export function deleteDraftCampaign(executor: Executor, id: number) {
  const before = getDraftOrThrow(executor, id);
  executor.delete(campaigns).where(and(eq(campaigns.id, id), eq(campaigns.status, "draft"))).run();
  return before;
}

/** A draft's archive address: `base`, or `base-2`, `base-3`… when taken. */
export function freeCampaignSlug(executor: Executor, base: string) {
  const taken = new Set(
    executor
      .select({ slug: campaigns.slug })
      .from(campaigns)
      .where(sql`${campaigns.slug} = ${base} or ${campaigns.slug} like ${`${base}-%`}`)
      .all()
      .map((row) => row.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/**
 * Moves a draft to "sending" with its archive address. From then on the campaign sender
 * queues it to every confirmed subscriber; its text can no longer change. Returns it as it was.
 */
export function startCampaignSend(executor: Executor, id: number, slug: string, now = new Date()) {
  const before = getDraftOrThrow(executor, id);
  executor
    .update(campaigns)
    .set({ status: "sending", slug, sendStartedAt: now, updatedAt: now })
    .where(and(eq(campaigns.id, id), eq(campaigns.status, "draft")))
    .run();
  return before;
}

export function getCampaignById(id: number) {
  return db.select().from(campaigns).where(eq(campaigns.id, id)).get() ?? null;
}

export function countConfirmedSubscribers(executor: Executor = db) {
  return executor.select({ n: sql<number>`count(*)` }).from(subscribers).where(eq(subscribers.status, "confirmed")).get()!.n;
}

/** Campaigns the sender still has to finish (after a restart too). */
export function listSendingCampaignIds() {
  return db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.status, "sending"))
    .orderBy(campaigns.id)
    .all()
    .map((row) => row.id);
}

/**
 * Confirmed subscribers (confirmed now, as this runs) who have no delivery of the campaign
 * yet, in a stable order. Run inside the transaction that inserts their deliveries.
 */
export function listSubscribersWithoutDelivery(executor: Executor, campaignId: number, limit: number) {
  return executor
    .select({ id: subscribers.id, email: subscribers.email, firstName: subscribers.firstName })
    .from(subscribers)
    .where(
      and(
        eq(subscribers.status, "confirmed"),
        notExists(
          executor
            .select({ one: sql`1` })
            .from(deliveries)
            .where(and(eq(deliveries.campaignId, campaignId), eq(deliveries.subscriberId, subscribers.id))),
        ),
      ),
    )
    .orderBy(subscribers.id)
    .limit(limit)
    .all();
}

function countSubscribersWithoutDelivery(campaignId: number) {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(subscribers)
    .where(
      and(
        eq(subscribers.status, "confirmed"),
        notExists(db.select({ one: sql`1` }).from(deliveries).where(and(eq(deliveries.campaignId, campaignId), eq(deliveries.subscriberId, subscribers.id)))),
      ),
    )
    .get()!.n;
}

/** One subscriber's copy of a campaign, queued in the same transaction as its outbox message. */
export function insertDelivery(executor: Executor, delivery: { campaignId: number; subscriberId: number; emailId: number; unsubscribeTokenHash: string }) {
  executor.insert(deliveries).values(delivery).run();
}

/** Marks a sending campaign sent; false when it was not sending (another process finished it). */
export function markCampaignSent(executor: Executor, id: number, now = new Date()) {
  return (
    executor
      .update(campaigns)
      .set({ status: "sent", sentAt: now, updatedAt: now })
      .where(and(eq(campaigns.id, id), eq(campaigns.status, "sending")))
      .run().changes > 0
  );
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
 * How far a campaign has gone: `sent` messages the SMTP server accepted, out of `total`
 * = every live delivery plus, while sending, the confirmed subscribers still to be reached.
 * Null for a draft (nothing to count yet) or an unknown id.
 */
export function getCampaignProgress(id: number) {
  const campaign = db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, id)).get();
  if (!campaign) return null;
  if (campaign.status === "draft") return { status: campaign.status, progress: null };
  const remaining = campaign.status === "sending" ? countSubscribersWithoutDelivery(id) : 0;
  return { status: campaign.status, progress: progressOf(deliveryCountsByCampaign(id).get(id), remaining) };
}

/** Every campaign, newest first, with its progress once it has started going out. */
export function listCampaignsForStaff() {
  const rows = db
    .select({
      id: campaigns.id,
      subject: campaigns.subject,
      slug: campaigns.slug,
      status: campaigns.status,
      updatedAt: campaigns.updatedAt,
      sendStartedAt: campaigns.sendStartedAt,
      sentAt: campaigns.sentAt,
    })
    .from(campaigns)
    .orderBy(desc(campaigns.updatedAt), desc(campaigns.id))
    .all();
  const counts = deliveryCountsByCampaign();
  return rows.map((row) => ({
    ...row,
    progress: row.status === "draft" ? null : progressOf(counts.get(row.id), row.status === "sending" ? countSubscribersWithoutDelivery(row.id) : 0),
  }));
}

/** Sent campaigns for the public archive, newest first. */
export function listSentCampaigns() {
  return db
    .select({ id: campaigns.id, slug: campaigns.slug, subject: campaigns.subject, markdown: campaigns.markdown, sentAt: campaigns.sentAt })
    .from(campaigns)
    .where(eq(campaigns.status, "sent"))
    .orderBy(desc(campaigns.sentAt), desc(campaigns.id))
    .all();
}
