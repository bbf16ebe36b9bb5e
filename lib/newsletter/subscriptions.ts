import "server-only";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import {
  getSubscriberByConfirmTokenHash,
  getSubscriberByEmail,
  insertPendingSubscriber,
  markSubscriberConfirmed,
  renewConfirmToken,
} from "@/db/queries/newsletter-subscribers";
import { activateChosenLists, chooseListsForSubscriber, listActiveNewsletterLists, listChosenListNames } from "@/db/queries/newsletter-lists";
import { consumeRateLimits } from "@/db/queries/rate-limits";
import { getSiteSettings } from "@/db/queries/site";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { AppError, invalidFields } from "@/lib/model/errors";
import { consumePublicFormLimit, HOUR_MS, rateLimitKey } from "@/lib/rate-limits";
import type { Tx } from "@/db/queries/executor";
import type { NewsletterSignupInput } from "@/lib/validations/newsletter";
import { confirmationEmail } from "./subscription-emails";
import { hashNewsletterToken, isWellFormedToken, newNewsletterToken, unsubscribeUrls } from "./tokens";
import { CONFIRM_LINK_DAYS } from "@/lib/model/newsletter";

const DAY_MS = 24 * HOUR_MS;
/** Confirmation emails one address may be sent per hour, whoever asks. */
export const SIGNUP_LIMIT_PER_EMAIL = 3;

/**
 * The client address as consent proof: an IPv4 client of a dual-stack socket is reported
 * as `::ffff:a.b.c.d`; stored as the plain a.b.c.d that people and logs use.
 */
export const consentAddress = (ip: string) => ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

/** The audit log names the subscriber row, never the address. */
export const subscriberSubject = (id: number | string) => ({ subjectType: "newsletter_subscriber", subjectId: String(id) });

/** How a subscription ended or began, kept in the audit log. */
export type SubscriptionChannel = "link" | "one-click" | "account" | "staff" | "preferences";

export const LINK_PROBLEMS = {
  confirmUnknown: "This confirmation link does not work: it has been used already, or it was copied incompletely. Nothing was changed.",
  confirmExpired: `This confirmation link has expired: links work for ${CONFIRM_LINK_DAYS} days. Nothing was changed; sign up again to get a new one.`,
  unsubscribeUnknown: "This unsubscribe link does not work: it was copied incompletely, or it is not one of ours. Nothing was changed.",
  preferencesUnknown: "This link does not work: it was copied incompletely, or it is not one of ours. Nothing was changed.",
} as const;

/**
 * The lists a public form joins: those ticked (`chosen`), or the default ones when the form
 * offered no choice (the aside). Only lists open to everyone and not archived count: an
 * owners-only list is never joined from a public form. Ticking none of them is refused,
 * whoever the address belongs to.
 */
function listsForSignup(tx: Tx, chosen: number[] | undefined) {
  const offered = listActiveNewsletterLists(tx).filter((list) => list.audience === "everyone");
  if (chosen === undefined) return offered.filter((list) => list.joinByDefault).map((list) => list.id);
  const ids = offered.filter((list) => chosen.includes(list.id)).map((list) => list.id);
  if (ids.length === 0) throw invalidFields({ lists: ["Choose at least one list."] });
  return ids;
}

/**
 * Double opt-in signup. Whatever the address's state (new, pending, confirmed,
 * unsubscribed, or over its hourly limit) the caller answers the same "check your inbox",
 * so the form never tells whether someone is subscribed. New, pending and unsubscribed
 * addresses are emailed a fresh link (the previous one stops working); a confirmed
 * address is sent nothing, so the form cannot be used to fill a subscriber's inbox, and
 * they already receive the newsletter (they change lists from a newsletter email's link
 * or /account, never here). The lists chosen wait for the confirmation (see
 * chooseListsForSubscriber). Counting, the rows, the email and the audit entry
 * (which names the row, not the address) are one IMMEDIATE transaction.
 */
export function signUpForNewsletter(input: Omit<NewsletterSignupInput, "lists"> & { lists?: number[] }, ip: string) {
  const now = new Date();
  const token = newNewsletterToken();
  const expiresAt = new Date(now.getTime() + CONFIRM_LINK_DAYS * DAY_MS);
  const { coopName } = getSiteSettings();
  const emailed = db.transaction(
    (tx) => {
      const listIds = listsForSignup(tx, input.lists);
      // Says nothing about the address: every address gets this answer from this connection.
      consumePublicFormLimit(tx, "newsletter:signup", ip, now, (minutes) => `Too many signups were sent from your connection. Please try again in ${minutes} minutes.`);
      // Over the per-address limit the answer stays "check your inbox" but no email goes
      // out: a different answer would tell that the address was just signed up.
      const perAddress = consumeRateLimits(tx, [{ key: rateLimitKey("newsletter:signup:email", input.email), limit: SIGNUP_LIMIT_PER_EMAIL, windowMs: HOUR_MS }], now);
      const existing = getSubscriberByEmail(tx, input.email);
      if (!perAddress.ok || existing?.status === "confirmed") {
        recordAudit(tx, null, { action: "newsletter_subscriber.signup", ...subscriberSubject(existing?.id ?? "none"), detail: { emailed: false, reason: perAddress.ok ? "already_confirmed" : "address_limit" } });
        return false;
      }
      const values = { firstName: input.firstName ?? null, confirmTokenHash: hashNewsletterToken(token), confirmTokenExpiresAt: expiresAt, signedUpAt: now };
      let id: number;
      if (existing) {
        renewConfirmToken(tx, existing.id, values);
        id = existing.id;
      } else {
        id = insertPendingSubscriber(tx, { email: input.email, ...values });
      }
      chooseListsForSubscriber(tx, id, listIds, { at: now, source: "form" });
      queueEmail(tx, {
        to: input.email,
        ...confirmationEmail({ coopName, siteUrl: getEnv().siteUrl }, token),
        redactAfter: expiresAt,
        concerns: { type: "newsletter_subscriber", id },
      });
      recordAudit(tx, null, { action: "newsletter_subscriber.signup", ...subscriberSubject(id), detail: { emailed: true } });
      return true;
    },
    { behavior: "immediate" },
  );
  if (emailed) wakeEmailWorker();
}

export type ConfirmLinkState = { state: "valid"; firstName: string | null; lists: string[] } | { state: "expired" } | { state: "unknown" };

/** What the confirm page may say about a link before its button is pressed (nothing is changed here). */
export function describeConfirmLink(token: string, now = new Date()): ConfirmLinkState {
  if (!isWellFormedToken(token)) return { state: "unknown" };
  const subscriber = getSubscriberByConfirmTokenHash(db, hashNewsletterToken(token));
  if (!subscriber?.confirmTokenExpiresAt) return { state: "unknown" };
  if (subscriber.confirmTokenExpiresAt.getTime() < now.getTime()) return { state: "expired" };
  return { state: "valid", firstName: subscriber.firstName, lists: listChosenListNames(db, subscriber.id, subscriber.signedUpAt) };
}

/**
 * The confirm button: records consent (time and client address, rule 6's single use:
 * the link is spent), on the address and on each list chosen at signup, and gives the subscriber an unsubscribe link of their own, whose
 * address is returned (only its hash is stored, so this is the one time it can be shown).
 */
export function confirmSubscription(token: string, ip: string) {
  const now = new Date();
  const unsubscribeToken = newNewsletterToken();
  db.transaction(
    (tx) => {
      const subscriber = isWellFormedToken(token) ? getSubscriberByConfirmTokenHash(tx, hashNewsletterToken(token)) : null;
      if (!subscriber?.confirmTokenExpiresAt) throw new AppError("not_found", LINK_PROBLEMS.confirmUnknown);
      if (subscriber.confirmTokenExpiresAt.getTime() < now.getTime()) throw new AppError("bad_request", LINK_PROBLEMS.confirmExpired);
      const address = consentAddress(ip);
      markSubscriberConfirmed(tx, subscriber.id, { at: now, ip: address, unsubscribeTokenHash: hashNewsletterToken(unsubscribeToken) });
      const lists = activateChosenLists(tx, subscriber.id, { at: now, ip: address, chosenSince: subscriber.signedUpAt });
      recordAudit(tx, null, { action: "newsletter_subscriber.confirm", ...subscriberSubject(subscriber.id), detail: { via: "link", lists } });
    },
    { behavior: "immediate" },
  );
  return { unsubscribeUrl: unsubscribeUrls(getEnv().siteUrl, unsubscribeToken).page };
}
