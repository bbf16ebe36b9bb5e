import "server-only";
import { and, desc, eq, isNotNull, lte, sql } from "drizzle-orm";
import { refusals } from "@/lib/model/errors";
import type { CampaignSegment } from "@/lib/model/newsletter";
import { db } from "../index";
import { newsletterCampaigns, newsletterSubscribers } from "../schema";
import type { Executor } from "./executor";
import { freeSlug } from "./free-slug";
import { progressOfCampaigns } from "./newsletter-deliveries";

const campaigns = newsletterCampaigns;
const subscribers = newsletterSubscribers;

/** The reasons these queries refuse with: a campaign that is gone, or one that is no longer a draft. */
export type CampaignRefusal = "campaign_not_found" | "not_draft";
const refuse = refusals<CampaignRefusal>();

/** A campaign to act on; `not_found` (`campaign_not_found`) when it is gone. */
export function getCampaignOrThrow(executor: Executor, id: number) {
  const campaign = executor.select().from(campaigns).where(eq(campaigns.id, id)).get();
  if (!campaign) throw refuse("not_found", "campaign_not_found");
  return campaign;
}

function getDraftOrThrow(executor: Executor, id: number) {
  const campaign = getCampaignOrThrow(executor, id);
  if (campaign.status !== "draft") throw refuse("conflict", "not_draft");
  return campaign;
}

/** A draft's own fields: its text and who of its lists it reaches (its lists are set apart, see newsletter-campaign-lists.ts). */
export type CampaignFields = { subject: string; markdown: string; segment?: CampaignSegment | null };

/** Adds a draft campaign; returns its id. */
export function insertCampaign(executor: Executor, fields: CampaignFields, userId: string) {
  return executor
    .insert(campaigns)
    .values({ ...fields, status: "draft", createdBy: userId })
    .returning({ id: campaigns.id })
    .get().id;
}

/** Saves a draft's text and segment; `conflict` (`not_draft`) once sending has started. Returns it as it was. */
export function updateDraftCampaign(executor: Executor, id: number, fields: CampaignFields) {
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
export const freeCampaignSlug = (executor: Executor, base: string) => freeSlug(executor, campaigns, base);

/**
 * Moves a draft to "sending" with its archive address and the number of recipients it has
 * at this moment (frozen for the record). From then on the campaign sender queues it to
 * each recipient; its text can no longer change. Returns it as it was.
 */
export function startCampaignSend(executor: Executor, id: number, slug: string, recipientCount: number | null = null, now = new Date()) {
  const before = getDraftOrThrow(executor, id);
  executor
    .update(campaigns)
    .set({ status: "sending", slug, sendStartedAt: now, updatedAt: now, recipientCount })
    .where(and(eq(campaigns.id, id), eq(campaigns.status, "draft")))
    .run();
  return before;
}

/** Schedules a draft to start sending at `sendAt` (the sender starts it then). Returns it as it was. */
export function scheduleDraftCampaign(executor: Executor, id: number, sendAt: Date | null, now = new Date()) {
  const before = getDraftOrThrow(executor, id);
  executor
    .update(campaigns)
    .set({ sendAt, updatedAt: now })
    .where(and(eq(campaigns.id, id), eq(campaigns.status, "draft")))
    .run();
  return before;
}

/** Drafts whose scheduled time has come, oldest first. */
export function listDueScheduledCampaignIds(now: Date) {
  return db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.status, "draft"), isNotNull(campaigns.sendAt), lte(campaigns.sendAt, now)))
    .orderBy(campaigns.sendAt, campaigns.id)
    .all()
    .map((row) => row.id);
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

/**
 * How far a campaign has gone (see `progressOfCampaigns`). Null for an unknown id; the
 * progress is null for a draft, which has nothing to count yet.
 */
export function getCampaignProgress(id: number) {
  const campaign = db.select({ id: campaigns.id, status: campaigns.status }).from(campaigns).where(eq(campaigns.id, id)).get();
  if (!campaign) return null;
  return { status: campaign.status, progress: progressOfCampaigns([campaign]).get(id) ?? null };
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
      sendAt: campaigns.sendAt,
    })
    .from(campaigns)
    .orderBy(desc(campaigns.updatedAt), desc(campaigns.id))
    .all();
  const progress = progressOfCampaigns(rows);
  return rows.map((row) => ({ ...row, progress: progress.get(row.id) ?? null }));
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
