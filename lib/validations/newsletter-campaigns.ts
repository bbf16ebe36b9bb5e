import "./zod-config";
import { z } from "zod";
import { segmentOwnerships, type CampaignSegment } from "@/lib/model/newsletter";
import { instantFromStoreDateTime } from "@/lib/model/store-time";
import { day, line, rowId, text } from "./fields";

export const CAMPAIGN_SUBJECT_MAX = 150;
export const CAMPAIGN_MARKDOWN_MAX = 50_000;
/** More lists than any co-op offers: a form with more list boxes than this was not made by our page. */
const CAMPAIGN_LISTS_MAX = 100;

/** The name of a list's checkbox on the campaign form; one field per list, since an action reads one value per name. */
export const listFieldName = (listId: number) => `list-${listId}`;
const LIST_FIELD = /^list-(\d{1,12})$/;

const optionalDay = z.preprocess((value) => (value === "" || value === null ? undefined : value), day.optional());

/** A campaign as staff write it: a subject line, a Markdown body, its lists (ticked boxes `list-ID`) and who of them it reaches. */
const campaignFields = z
  .object({
    subject: line(CAMPAIGN_SUBJECT_MAX),
    markdown: text(CAMPAIGN_MARKDOWN_MAX).min(1, { error: "Required." }),
    ownership: z.enum(segmentOwnerships, { error: "Choose who of the lists it reaches." }).default("any"),
    subscribedFrom: optionalDay,
    subscribedBefore: optionalDay,
  })
  .catchall(z.unknown());

type CampaignFieldsIn = z.output<typeof campaignFields>;

function toCampaignInput({ subject, markdown, ownership, subscribedFrom, subscribedBefore, ...rest }: CampaignFieldsIn, ctx: z.RefinementCtx) {
  const listIds = Object.entries(rest).flatMap(([name, value]) => {
    const match = LIST_FIELD.exec(name);
    return match && value !== undefined && value !== "" ? [Number(match[1])] : [];
  });
  if (listIds.length === 0) ctx.addIssue({ code: "custom", path: ["lists"], message: "Choose at least one list." });
  if (listIds.length > CAMPAIGN_LISTS_MAX) ctx.addIssue({ code: "custom", path: ["lists"], message: "Too many lists." });
  if (subscribedFrom && subscribedBefore && subscribedFrom >= subscribedBefore) {
    ctx.addIssue({ code: "custom", path: ["subscribedBefore"], message: "Give a day after the first one, or leave one of them empty." });
  }
  const segment: CampaignSegment | null =
    ownership === "any" && !subscribedFrom && !subscribedBefore ? null : { ownership, ...(subscribedFrom && { subscribedFrom }), ...(subscribedBefore && { subscribedBefore }) };
  return { subject, markdown, segment, listIds };
}

export const campaignSchema = campaignFields.transform(toCampaignInput);

export type CampaignInput = z.output<typeof campaignSchema>;

/** Editing a draft: the same fields and the campaign's id. */
export const campaignEditSchema = campaignFields.extend({ id: rowId }).transform(({ id, ...fields }, ctx) => ({ id, ...toCampaignInput(fields, ctx) }));

/** Acting on one campaign (a test, the send, deleting a draft, cancelling its schedule). */
export const campaignIdSchema = z.object({ id: rowId });

/**
 * Starting the send. `confirm` is the second press of the confirm step; `expected` is the
 * number of recipients staff were shown, recorded in the audit entry.
 */
export const campaignSendSchema = z.object({
  id: rowId,
  confirm: z.literal("yes", { error: "Confirm that the campaign should go to the recipients shown." }),
  expected: z.coerce.number().int().min(0).optional(),
});

/** Scheduling a draft: a time on the store's clock as a `datetime-local` field sends it (whether it is still to come is checked when saving). */
export const campaignScheduleSchema = z.object({
  id: rowId,
  sendAt: text(16)
    .min(1, { error: "Required." })
    .transform((value, ctx) => {
      const instant = instantFromStoreDateTime(value);
      if (!instant) {
        ctx.addIssue({ code: "custom", message: "Give a date and time like 2027-03-01 09:00 (the store’s clock); this one does not exist." });
        return z.NEVER;
      }
      return instant;
    }),
});
