import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import type { Tx } from "@/db/queries/executor";
import { recordAudit } from "@/db/queries/audit";
import { countCampaignRecipients, listCampaignLists } from "@/db/queries/newsletter-campaign-lists";
import { freeCampaignSlug, getCampaignOrThrow, listDueScheduledCampaignIds, listSendingCampaignIds, markCampaignSent, startCampaignSend } from "@/db/queries/newsletter-campaigns";
import { insertDelivery, listSubscribersWithoutDelivery } from "@/db/queries/newsletter-deliveries";
import { getSiteSettings } from "@/db/queries/site";
import { newsletterCampaigns } from "@/db/schema";
import { startBackgroundLoop, wakeBackgroundLoop } from "@/lib/background-loop";
import { revalidateTagsInBackground } from "@/lib/cache/revalidate-in-background";
import { cacheTags } from "@/lib/cache-tags";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { campaignSlugFromSubject } from "./campaign-slug";
import { hashNewsletterToken, newNewsletterToken } from "./tokens";
import { campaignArchiveUrl, campaignHeaders, campaignMessageId, prepareCampaignEmail, unsubscribePageUrl } from "./campaign-email";

export const CAMPAIGN_BATCH_SIZE = 100;
/**
 * A campaign email's body and headers carry the subscriber's working unsubscribe link,
 * which never expires; the outbox keeps that copy only while retries and a staff requeue
 * may need it, then the worker blanks it like an expired sign-in link.
 */
export const CAMPAIGN_COPY_KEPT_MS = 7 * 24 * 60 * 60_000;
const POLL_MS = 1000;

/** A campaign email's own unsubscribe token, stored only as its hash (see tokens.ts). */
function newUnsubscribeToken() {
  const token = newNewsletterToken();
  return { token, hash: hashNewsletterToken(token) };
}

export type BatchOutcome = { queued: number; finished: boolean };

/**
 * Inside the caller's immediate transaction: starts a draft's send (by staff now, or by its
 * schedule) with its archive address and its recipient count frozen as of this moment.
 * Returns what the audit entry records.
 */
export function startCampaignSendIn(tx: Tx, id: number, now = new Date()) {
  const campaign = getCampaignOrThrow(tx, id);
  const slug = freeCampaignSlug(tx, campaignSlugFromSubject(campaign.subject));
  const recipientCount = countCampaignRecipients(tx, id, campaign.segment);
  startCampaignSend(tx, id, slug, recipientCount, now);
  return { campaign, slug, recipientCount };
}

/**
 * Starts every draft whose scheduled time has come, each in its own immediate transaction
 * (a draft staff sent, edited or unscheduled meanwhile is no longer due, and is skipped).
 * The schedule is a column, so a time that passed while the server was down starts at
 * the next start. Returns how many it started.
 */
export function startDueScheduledCampaigns(now = new Date()) {
  let started = 0;
  for (const id of listDueScheduledCampaignIds(now)) {
    started += db.transaction(
      (tx) => {
        const due = tx.select().from(newsletterCampaigns).where(eq(newsletterCampaigns.id, id)).get();
        if (!due || due.status !== "draft" || !due.sendAt || due.sendAt > now) return 0;
        const { slug, recipientCount } = startCampaignSendIn(tx, id, now);
        recordAudit(tx, null, {
          action: "newsletter.campaign.send",
          subjectType: "newsletter_campaign",
          subjectId: String(id),
          detail: { subject: due.subject, slug, recipientCount, scheduledFor: due.sendAt.toISOString() },
        });
        return 1;
      },
      { behavior: "immediate" },
    );
  }
  return started;
}

/**
 * Queues a sending campaign to the next `limit` of its recipients (see
 * campaignRecipientCondition) who have none of it yet, in ONE immediate transaction: each subscriber's delivery row (with its own
 * unsubscribe token) and their outbox message commit together or not at all. A crash at
 * any point therefore loses no one and queues no one twice (the pair is unique); who is
 * picked is decided now, so a person who unsubscribed meanwhile is skipped. When nobody is
 * left, the campaign is marked sent in the same way.
 */
export function queueCampaignBatch(campaignId: number, limit = CAMPAIGN_BATCH_SIZE, now = new Date()): BatchOutcome {
  const { siteUrl } = getEnv();
  const siteHost = new URL(siteUrl).hostname;
  return db.transaction(
    (tx) => {
      const campaign = tx.select().from(newsletterCampaigns).where(eq(newsletterCampaigns.id, campaignId)).get();
      if (!campaign || campaign.status !== "sending" || !campaign.slug) return { queued: 0, finished: false };
      const recipients = listSubscribersWithoutDelivery(tx, campaign, limit);
      if (recipients.length === 0) return { queued: 0, finished: markCampaignSent(tx, campaignId, now) };
      const { coopName } = getSiteSettings();
      const lists = listCampaignLists(tx, campaignId).map((list) => list.name);
      const emailFor = prepareCampaignEmail({ coopName, siteUrl, subject: campaign.subject, markdown: campaign.markdown, archiveUrl: campaignArchiveUrl(siteUrl, campaign.slug), lists });
      for (const subscriber of recipients) {
        const { token, hash } = newUnsubscribeToken();
        const unsubscribeUrl = unsubscribePageUrl(siteUrl, token);
        const emailId = queueEmail(tx, {
          to: subscriber.email,
          ...emailFor(token),
          headers: campaignHeaders({ coopName, siteHost, unsubscribeUrl }),
          messageId: campaignMessageId(campaignId, subscriber.id, siteHost),
          redactAfter: new Date(now.getTime() + CAMPAIGN_COPY_KEPT_MS),
        });
        insertDelivery(tx, { campaignId, subscriberId: subscriber.id, emailId, unsubscribeTokenHash: hash });
      }
      return { queued: recipients.length, finished: false };
    },
    { behavior: "immediate" },
  );
}

/** Works every sending campaign down to its end; returns how many campaigns it finished. */
export async function queueSendingCampaigns() {
  let finished = 0;
  for (const id of listSendingCampaignIds()) {
    for (;;) {
      const outcome = queueCampaignBatch(id);
      if (outcome.queued > 0) wakeEmailWorker();
      if (outcome.finished) finished++;
      if (outcome.queued === 0) break;
      // Let requests in between batches: a large list must not hold the server.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (finished > 0) revalidateTagsInBackground([cacheTags.newsletterCampaigns]);
  return finished;
}

/** The sender's name in the log, and the loop `wakeCampaignSender` wakes. */
const LOOP_NAME = "[newsletter] campaign sender";

/**
 * Starts this process's campaign sender (from instrumentation.ts, beside the email
 * worker); later calls do nothing. It picks up any campaign left "sending" by a process
 * that stopped, so a send survives a restart, and starts scheduled drafts when their time comes.
 */
export function startCampaignSender() {
  startBackgroundLoop(LOOP_NAME, POLL_MS, async () => {
    startDueScheduledCampaigns();
    await queueSendingCampaigns();
  });
}

/** Queues a campaign whose send just started without waiting for the next poll. */
export function wakeCampaignSender() {
  wakeBackgroundLoop(LOOP_NAME);
}
