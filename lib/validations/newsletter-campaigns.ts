import "./zod-config";
import { z } from "zod";
import { line, rowId, text } from "./fields";

export const CAMPAIGN_SUBJECT_MAX = 150;
export const CAMPAIGN_MARKDOWN_MAX = 50_000;

/** A campaign as staff write it: a subject line and a Markdown body. */
export const campaignSchema = z.object({
  subject: line(CAMPAIGN_SUBJECT_MAX),
  markdown: text(CAMPAIGN_MARKDOWN_MAX).min(1, { error: "Required." }),
});

export type CampaignInput = z.output<typeof campaignSchema>;

/** Editing a draft: the same fields and the campaign's id. */
export const campaignEditSchema = campaignSchema.extend({ id: rowId });

/** Acting on one campaign (a test, the send, deleting a draft). */
export const campaignIdSchema = z.object({ id: rowId });

/**
 * Starting the send. `confirm` is the second press of the confirm step; `expected` is the
 * number of confirmed subscribers staff were shown, recorded in the audit entry.
 */
export const campaignSendSchema = z.object({
  id: rowId,
  confirm: z.literal("yes", { error: "Confirm that the campaign should go to every confirmed subscriber." }),
  expected: z.coerce.number().int().min(0).optional(),
});
