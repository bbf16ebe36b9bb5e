"use server";

import { redirect } from "next/navigation";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import {
  countConfirmedSubscribers,
  deleteDraftCampaign,
  freeCampaignSlug,
  getCampaignOrThrow,
  insertCampaign,
  startCampaignSend,
  updateDraftCampaign,
  type CampaignRefusal,
} from "@/db/queries/newsletter-campaigns";
import { getSiteSettings } from "@/db/queries/site";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { explainRefusals } from "@/lib/model/errors";
import { prepareCampaignEmail, unsubscribePageUrl } from "@/lib/newsletter/campaign-email";
import { wakeCampaignSender } from "@/lib/newsletter/campaign-sender";
import { campaignSlugFromSubject } from "@/lib/newsletter/campaign-slug";
import { campaignEditSchema, campaignIdSchema, campaignSchema, campaignSendSchema } from "@/lib/validations/newsletter-campaigns";
import { defineAction } from "./safe-action";

/** What the query layer's refusals mean to staff. */
const explained = explainRefusals<CampaignRefusal>({
  campaign_not_found: "That campaign no longer exists.",
  not_draft: "This campaign has already gone out, so it can no longer change. Reload to see where it is.",
});

/** Runs `work` in one immediate transaction, turning the query layer's refusals into words for staff. */
function inTransaction<T>(work: Parameters<typeof db.transaction<T>>[0]): T {
  try {
    return db.transaction(work, { behavior: "immediate" });
  } catch (error) {
    throw explained(error);
  }
}

/** Staff: writes a new campaign as a draft and opens its page. */
export const createCampaignAction = defineAction({
  access: "staff",
  schema: campaignSchema,
  run: (input, actor) => {
    const id = inTransaction((tx) => {
      const created = insertCampaign(tx, input, actor.id);
      recordAudit(tx, actor, { action: "newsletter.campaign.create", subjectType: "newsletter_campaign", subjectId: String(created), detail: { subject: input.subject } });
      return created;
    });
    redirect(`/staff/newsletter/campaigns/${id}?created=1`);
  },
});

/** Staff: saves a draft's subject and body (a campaign that went out stays as it was sent). */
export const updateCampaignAction = defineAction({
  access: "staff",
  schema: campaignEditSchema,
  successMessage: "Saved. The preview below shows this version.",
  run: ({ id, ...input }, actor) => {
    inTransaction((tx) => {
      const before = updateDraftCampaign(tx, id, input);
      recordAudit(tx, actor, {
        action: "newsletter.campaign.update",
        subjectType: "newsletter_campaign",
        subjectId: String(id),
        detail: before.subject === input.subject ? undefined : { subject: { from: before.subject, to: input.subject } },
      });
    });
    return null;
  },
});

/** Staff: deletes a draft that never went out. */
export const deleteDraftCampaignAction = defineAction({
  access: "staff",
  schema: campaignIdSchema,
  run: ({ id }, actor) => {
    inTransaction((tx) => {
      const before = deleteDraftCampaign(tx, id);
      recordAudit(tx, actor, { action: "newsletter.campaign.delete", subjectType: "newsletter_campaign", subjectId: String(id), detail: { subject: before.subject } });
    });
    redirect("/staff/newsletter?deleted=1");
  },
});

/**
 * Staff: queues one copy of the campaign, as saved, to the signed-in staff member's own
 * address, its subject marked [Test]. Its unsubscribe link is a dummy: no subscriber's
 * token exists for it, and it carries no list headers.
 */
export const sendTestCampaignAction = defineAction({
  access: "staff",
  schema: campaignIdSchema,
  run: ({ id }, actor) => {
    const { siteUrl } = getEnv();
    inTransaction((tx) => {
      const campaign = getCampaignOrThrow(tx, id);
      const emailFor = prepareCampaignEmail({ coopName: getSiteSettings().coopName, siteUrl, subject: campaign.subject, markdown: campaign.markdown, test: true });
      queueEmail(tx, { to: actor.email, ...emailFor(unsubscribePageUrl(siteUrl, "test-email-has-no-subscriber")) });
      recordAudit(tx, actor, { action: "newsletter.campaign.test", subjectType: "newsletter_campaign", subjectId: String(id), detail: { to: actor.email } });
    });
    wakeEmailWorker();
    return { to: actor.email };
  },
});

/**
 * Staff: starts sending a draft to every confirmed subscriber. One transaction gives it
 * its archive address and moves it to "sending"; the campaign sender (which also resumes
 * after a restart) then queues it to each confirmed subscriber exactly once.
 */
export const startCampaignSendAction = defineAction({
  access: "staff",
  schema: campaignSendSchema,
  run: ({ id, expected }, actor) => {
    inTransaction((tx) => {
      const campaign = getCampaignOrThrow(tx, id);
      const slug = freeCampaignSlug(tx, campaignSlugFromSubject(campaign.subject));
      const confirmed = countConfirmedSubscribers(tx);
      startCampaignSend(tx, id, slug);
      recordAudit(tx, actor, {
        action: "newsletter.campaign.send",
        subjectType: "newsletter_campaign",
        subjectId: String(id),
        detail: { subject: campaign.subject, slug, confirmedSubscribers: confirmed, shownToStaff: expected },
      });
    });
    wakeCampaignSender();
    redirect(`/staff/newsletter/campaigns/${id}?sending=1`);
  },
});
