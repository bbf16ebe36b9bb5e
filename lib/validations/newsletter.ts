import "./zod-config";
import { z } from "zod";
import { FIRST_NAME_MAX } from "@/lib/model/newsletter";
import { emailAddress, optionalText, rowId } from "./fields";
import { tickedListIds } from "./newsletter-lists";

export { FIRST_NAME_MAX } from "@/lib/model/newsletter";

/**
 * The signup form, in the aside and on /newsletter: an address and, if they like, a first
 * name. The form on /newsletter also sends `lists=chosen` and its ticked `list-<id>` boxes;
 * without that field (the aside) `lists` is undefined and the default lists are joined.
 */
export const newsletterSignupSchema = z
  .looseObject({
    email: emailAddress,
    firstName: optionalText(FIRST_NAME_MAX),
    lists: z.literal("chosen").optional(),
  })
  .transform(({ email, firstName, lists, ...rest }) => ({ email, firstName, lists: lists ? tickedListIds(rest) : undefined }));
export type NewsletterSignupInput = z.output<typeof newsletterSignupSchema>;

/**
 * A confirm or unsubscribe link's token as its page posts it back. Its shape is checked
 * by the service, which answers a malformed one like an unknown one.
 */
export const newsletterTokenSchema = z.object({ token: z.string().max(200).default("") });

/** Staff unsubscribing someone by hand. */
export const staffUnsubscribeSchema = z.object({ subscriberId: rowId });

/** /account has nothing to fill in: the address is the signed-in person's own. */
export const accountSubscriptionSchema = z.object({});
