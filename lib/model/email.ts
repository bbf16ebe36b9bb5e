/** A queued email's way out: queued, taken by the worker (sending), then sent, or failed after its last retry. */
export const emailStatuses = ["queued", "sending", "sent", "failed"] as const;
export type EmailStatus = (typeof emailStatuses)[number];
