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

/** Who may join a list: anyone, or only people with an ownership (checked when they join, and again when a campaign goes out). */
export const listAudiences = ["everyone", "owners"] as const;
export type ListAudience = (typeof listAudiences)[number];

/**
 * A subscriber's place on one list. pending: chosen at signup, waiting for the address to
 * be confirmed; subscribed: gets the list's emails; left: chose to leave (or unsubscribed
 * from everything), and is never put back but by their own choice.
 */
export const listMemberStatuses = ["pending", "subscribed", "left"] as const;
export type ListMemberStatus = (typeof listMemberStatuses)[number];

/**
 * Where a consent to a list came from: the signup form (confirmed by email), the signed-in
 * account page, a staff import (confirmed by email), or the preference page a newsletter
 * email linked to (holding the email proves the address).
 */
export const consentSources = ["form", "account", "import", "preferences"] as const;
export type ConsentSource = (typeof consentSources)[number];

/** Who of a campaign's lists it reaches, computed when sending starts: everyone on them, only people with an ownership, or only people without one; and by when they subscribed. */
export const segmentOwnerships = ["any", "owners", "not_owners"] as const;
export type SegmentOwnership = (typeof segmentOwnerships)[number];
export type CampaignSegment = {
  ownership: SegmentOwnership;
  /** YYYY-MM-DD, store time: subscribed to the list on or after this day. */
  subscribedFrom?: string;
  /** YYYY-MM-DD, store time: subscribed to the list before this day. */
  subscribedBefore?: string;
};

/**
 * A newsletter email's preference link can add lists for this many days after the email
 * went out, and take the reader off lists for ever: an old email forwarded or left in a
 * shared inbox should not let whoever holds it sign the address up for more mail.
 */
export const PREFERENCE_LINK_JOIN_DAYS = 90;

/** Whether a preference link from an email queued at `sentAt` may still add lists. */
export const preferenceLinkCanJoin = (sentAt: Date, now: Date) => now.getTime() - sentAt.getTime() <= PREFERENCE_LINK_JOIN_DAYS * 86_400_000;

/** The list every subscriber of the single newsletter was moved to when lists came. */
export const DEFAULT_LIST_SLUG = "news";

/** A list's checkbox on a form is named `list-<id>`: one field per list, since a form's repeated names would fold into one. */
export const listFieldName = (id: number) => `list-${id}`;
