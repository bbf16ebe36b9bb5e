"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { db } from "@/db";
import { getOwnershipForUser } from "@/db/queries/owners";
import { saveAccountLists } from "@/lib/newsletter/account-lists";
import { leaveAllByPreferences, savePreferences } from "@/lib/newsletter/preferences";
import { confirmSubscription, signUpForNewsletter } from "@/lib/newsletter/subscriptions";
import { unsubscribeByStaff, unsubscribeByToken, unsubscribeFromAccount } from "@/lib/newsletter/unsubscribe";
import { accountListsSchema, preferenceListsSchema } from "@/lib/validations/newsletter-lists";
import { accountSubscriptionSchema, newsletterSignupSchema, newsletterTokenSchema, staffUnsubscribeSchema } from "@/lib/validations/newsletter";
import { defineAction } from "./safe-action";

/**
 * The one answer to every accepted signup, whatever the address's state: the same bytes
 * for a new, pending, confirmed or unsubscribed address (no enumeration).
 */
const SIGNUP_ANSWER =
  "Thank you! Check your inbox: if this address is not subscribed yet, we have sent it a link to confirm your subscription. Nothing is sent to you until you confirm.";

/** Anyone, from the aside on every page or /newsletter: double opt-in signup. */
export const subscribeToNewsletterAction = defineAction({
  access: "public",
  schema: newsletterSignupSchema,
  successMessage: SIGNUP_ANSWER,
  run: async (input) => {
    signUpForNewsletter(input, clientIp(await headers()));
    return null;
  },
});

/** Anyone holding a confirmation link: the button of /newsletter/confirm. Answers with their unsubscribe link. */
export const confirmSubscriptionAction = defineAction({
  access: "public",
  schema: newsletterTokenSchema,
  run: async ({ token }) => confirmSubscription(token, clientIp(await headers())),
});

/** Anyone holding an unsubscribe link: the button of /newsletter/unsubscribe (the one-click POST has its own route). */
export const unsubscribeByLinkAction = defineAction({
  access: "public",
  schema: newsletterTokenSchema,
  run: ({ token }) => unsubscribeByToken(token, "link"),
});

/** Anyone holding a newsletter email's preference link: saves the lists ticked on /newsletter/preferences. */
export const savePreferencesAction = defineAction({
  access: "public",
  schema: preferenceListsSchema,
  run: async ({ token, lists }) => savePreferences(token, lists, clientIp(await headers())),
});

/** Anyone holding a newsletter email's preference link: its "Leave all" button. */
export const leaveAllByPreferencesAction = defineAction({
  access: "public",
  schema: newsletterTokenSchema,
  run: ({ token }) => leaveAllByPreferences(token),
});

/**
 * Signed in: saves the person's own choice of lists at once, subscribing their address if
 * it was not (see saveAccountLists); owners-only lists count only for someone with an ownership.
 */
export const subscribeFromAccountAction = defineAction({
  access: "member",
  schema: accountListsSchema,
  run: async ({ lists }, user) => {
    const hasOwnership = getOwnershipForUser(db, user.id) !== null;
    const result = saveAccountLists(user, clientIp(await headers()), lists, { hasOwnership });
    revalidatePath("/account");
    return result;
  },
});

/** Signed in: "Leave all": unsubscribes the person's own address from every list. */
export const unsubscribeFromAccountAction = defineAction({
  access: "member",
  schema: accountSubscriptionSchema,
  successMessage: "You are unsubscribed: no more newsletter emails will be sent to you.",
  run: (_input, user) => {
    unsubscribeFromAccount(user);
    revalidatePath("/account");
    return null;
  },
});

/** Staff: unsubscribes someone by hand; audited with who did it. */
export const staffUnsubscribeAction = defineAction({
  access: "staff",
  schema: staffUnsubscribeSchema,
  successMessage: "Unsubscribed.",
  run: ({ subscriberId }, staff) => {
    const result = unsubscribeByStaff(staff, subscriberId);
    revalidatePath("/staff/newsletter/subscribers");
    return result;
  },
});
