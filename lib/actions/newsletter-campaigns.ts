"use server";

import { redirect } from "next/navigation";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { listCampaignLists, setCampaignLists } from "@/db/queries/newsletter-campaign-lists";
import { deleteDraftCampaign, getCampaignOrThrow, insertCampaign, scheduleDraftCampaign, updateDraftCampaign, type CampaignRefusal } from "@/db/queries/newsletter-campaigns";
import { getSiteSettings } from "@/db/queries/site";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { explainRefusals, invalidFields } from "@/lib/model/errors";
import { prepareCampaignEmail } from "@/lib/newsletter/campaign-email";
import { startCampaignSendIn, wakeCampaignSender } from "@/lib/newsletter/campaign-sender";
import { campaignEditSchema, campaignIdSchema, campaignScheduleSchema, campaignSchema, campaignSendSchema } from "@/lib/validations/newsletter-campaigns";
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

/** Staff: writes a new campaign as a draft, with its lists and segment, and opens its page. */
export const createCampaignAction = defineAction({
  access: "staff",
  schema: campaignSchema,
  run: ({ listIds, ...input }, actor) => {
    const id = inTransaction((tx) => {
      const created = insertCampaign(tx, input, actor.id);
      setCampaignLists(tx, created, listIds);
      recordAudit(tx, actor, {
        action: "newsletter.campaign.create",
        subjectType: "newsletter_campaign",
        subjectId: String(created),
        detail: { subject: input.subject, lists: listIds, segment: input.segment },
      });
      return created;
    });
    redirect(`/staff/newsletter/campaigns/${id}?created=1`);
  },
});

/** Staff: saves a draft's subject, body, lists and segment (a campaign that went out stays as it was sent). */
export const updateCampaignAction = defineAction({
  access: "staff",
  schema: campaignEditSchema,
  successMessage: "Saved. The preview below shows this version.",
  run: ({ id, listIds, ...input }, actor) => {
    inTransaction((tx) => {
      const before = updateDraftCampaign(tx, id, input);
      const listsBefore = listCampaignLists(tx, id).map((list) => list.id);
      setCampaignLists(tx, id, listIds);
      recordAudit(tx, actor, {
        action: "newsletter.campaign.update",
        subjectType: "newsletter_campaign",
        subjectId: String(id),
        detail: {
          ...(before.subject !== input.subject && { subject: { from: before.subject, to: input.subject } }),
          ...(listsBefore.join() !== [...new Set(listIds)].sort((a, b) => a - b).join() && { lists: { from: listsBefore, to: listIds } }),
          ...(JSON.stringify(before.segment) !== JSON.stringify(input.segment) && { segment: { from: before.segment, to: input.segment } }),
        },
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
      const lists = listCampaignLists(tx, id).map((list) => list.name);
      const emailFor = prepareCampaignEmail({ coopName: getSiteSettings().coopName, siteUrl, subject: campaign.subject, markdown: campaign.markdown, test: true, lists });
      queueEmail(tx, { to: actor.email, ...emailFor("test-email-has-no-subscriber") });
      recordAudit(tx, actor, { action: "newsletter.campaign.test", subjectType: "newsletter_campaign", subjectId: String(id), detail: { to: actor.email } });
    });
    wakeEmailWorker();
    return { to: actor.email };
  },
});

/**
 * Staff: starts sending a draft to its recipients, counted now and frozen on the campaign.
 * One transaction gives it its archive address and moves it to "sending"; the campaign
 * sender (which also resumes after a restart) then queues it to each recipient exactly once.
 */
export const startCampaignSendAction = defineAction({
  access: "staff",
  schema: campaignSendSchema,
  run: ({ id, expected }, actor) => {
    inTransaction((tx) => {
      const { campaign, slug, recipientCount } = startCampaignSendIn(tx, id);
      recordAudit(tx, actor, {
        action: "newsletter.campaign.send",
        subjectType: "newsletter_campaign",
        subjectId: String(id),
        detail: { subject: campaign.subject, slug, recipientCount, shownToStaff: expected },
      });
    });
    wakeCampaignSender();
    redirect(`/staff/newsletter/campaigns/${id}?sending=1`);
  },
});

/**
 * Staff: schedules a draft to go out at a time on the store's clock (the campaign sender
 * starts it then, even after a restart). A time already past is refused at its field.
 */
export const scheduleCampaignAction = defineAction({
  access: "staff",
  schema: campaignScheduleSchema,
  run: ({ id, sendAt }, actor) => {
    const now = new Date();
    if (sendAt.getTime() <= now.getTime()) throw invalidFields({ sendAt: ["That time has passed. Give a time still to come, or send it now."] });
    inTransaction((tx) => {
      const before = scheduleDraftCampaign(tx, id, sendAt, now);
      recordAudit(tx, actor, {
        action: "newsletter.campaign.schedule",
        subjectType: "newsletter_campaign",
        subjectId: String(id),
        detail: { subject: before.subject, sendAt: sendAt.toISOString(), ...(before.sendAt && { replaced: before.sendAt.toISOString() }) },
      });
    });
    redirect(`/staff/newsletter/campaigns/${id}?scheduled=1`);
  },
});

/** Staff: takes a draft's schedule away before it starts; it stays a draft. */
export const cancelCampaignScheduleAction = defineAction({
  access: "staff",
  schema: campaignIdSchema,
  run: ({ id }, actor) => {
    inTransaction((tx) => {
      const before = scheduleDraftCampaign(tx, id, null);
      if (before.sendAt) {
        recordAudit(tx, actor, { action: "newsletter.campaign.unschedule", subjectType: "newsletter_campaign", subjectId: String(id), detail: { subject: before.subject, sendAt: before.sendAt.toISOString() } });
      }
    });
    redirect(`/staff/newsletter/campaigns/${id}?unscheduled=1`);
  },
});
