// The newsletter feature's fixed vocabularies. Pure: the schema and the browser import these.

/** pending: signed up, not yet confirmed (expires after 7 days); confirmed: gets the newsletter; unsubscribed: gets nothing. */
export const subscriberStatuses = ["pending", "confirmed", "unsubscribed"] as const;
export type SubscriberStatus = (typeof subscriberStatuses)[number];
export const subscriberStatusLabels: Record<SubscriberStatus, string> = { pending: "Waiting for confirmation", confirmed: "Confirmed", unsubscribed: "Unsubscribed" };

/** draft: being written; sending: going out through the queue; sent: every confirmed subscriber has theirs. */
export const campaignStatuses = ["draft", "sending", "sent"] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** queued: its email is in the outbox; cancelled: the person unsubscribed before it left. */
export const deliveryStatuses = ["queued", "cancelled"] as const;

export const CONFIRM_LINK_DAYS = 7;
export const ISSUE_PDF_MAX_BYTES = 20 * 1024 * 1024;

/** The signup form's first-name limit; here, not with the schema, so the form on every page ships without zod. */
export const FIRST_NAME_MAX = 80;
