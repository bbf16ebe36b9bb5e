import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/db";
import { findVerificationToken, insertVerificationToken } from "@/db/queries/auth";
import { consumeRateLimits, type RateLimitRule } from "@/db/queries/rate-limits";
import { getSiteSettings } from "@/db/queries/site";
import { isEmailDisabled } from "@/db/queries/users";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { renderEmail } from "@/lib/email/templates";
import { getEnv } from "@/lib/env";
import { addressLimitKey, busyFormMessage, minutesUntil, noteFormCapReached, publicFormTotalRule, rateLimitKey } from "@/lib/rate-limits";
import { safeCallbackPath } from "./callback-path";

export const SIGN_IN_LINK_MAX_AGE_SECONDS = 10 * 60;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_LIMIT_PER_EMAIL = 5;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * The stored form of a sign-in token. It must equal next-auth 4's hashToken (sha256 of
 * token + secret), because next-auth's email callback verifies the links we create.
 */
export function hashSignInToken(token: string) {
  return sha256(`${token}${getEnv().nextAuthSecret}`);
}

/** A refusal says whether the sign-in form as a whole was busy (its cap on all senders) or this request was over its own limits. */
export type SignInLinkResult = { ok: true } | { ok: false; retryAfterMinutes: number; busy: boolean };

/**
 * What a refused link request tells the person. Anyone may ask for links to any address,
 * so the limits can be run into on purpose (to lock someone out); the links already sent
 * keep working, and saying so keeps the real owner of the address from being stuck.
 */
export function rateLimitedMessage(refusal: { retryAfterMinutes: number; busy: boolean }) {
  const { retryAfterMinutes } = refusal;
  if (refusal.busy) return `${busyFormMessage(retryAfterMinutes)} Any link we emailed in the last 10 minutes still works.`;
  const minutes = `${retryAfterMinutes} minute${retryAfterMinutes === 1 ? "" : "s"}`;
  return `Too many sign-in links were asked for. Any link we emailed in the last 10 minutes still works: look for it in your inbox. You can ask for a new one in ${minutes}.`;
}

/**
 * Emails a one-time sign-in link, valid for 10 minutes. Known and unknown addresses are
 * treated alike (an unknown one becomes a member when the link is used), so the answer
 * never tells whether someone has an account. At most 5 links per address and a
 * configured number per client address in 15 minutes, and a configured number from all
 * senders together in an hour; only granted requests count.
 */
export function requestSignInLink(input: { email: string; ip: string; callbackPath?: string }): SignInLinkResult {
  const env = getEnv();
  const email = input.email.trim().toLowerCase();
  const now = new Date();
  const total = publicFormTotalRule("signin");
  const rules: RateLimitRule[] = [
    { key: rateLimitKey("signin:email", email), limit: SIGN_IN_LIMIT_PER_EMAIL, windowMs: SIGN_IN_WINDOW_MS },
    { key: addressLimitKey("signin:ip", input.ip), limit: env.signInLimitPerIp, windowMs: SIGN_IN_WINDOW_MS },
    total,
  ];
  const token = randomBytes(32).toString("hex");
  const link = new URL("/login/verify", env.siteUrl);
  link.searchParams.set("token", token);
  const callbackPath = safeCallbackPath(input.callbackPath);
  if (callbackPath !== "/account") link.searchParams.set("callbackUrl", callbackPath);

  const result = db.transaction(
    (tx): SignInLinkResult => {
      const verdict = consumeRateLimits(tx, rules, now);
      if (!verdict.ok) {
        const retryAfterMinutes = minutesUntil(verdict.retryAfterMs);
        const busy = verdict.refusedBy === total.key;
        if (busy) noteFormCapReached("signin", total, retryAfterMinutes, now);
        return { ok: false, retryAfterMinutes, busy };
      }
      // A disabled account gets the same answer as any other, and no link.
      if (isEmailDisabled(tx, email)) return { ok: true };
      const expires = new Date(now.getTime() + SIGN_IN_LINK_MAX_AGE_SECONDS * 1000);
      insertVerificationToken(tx, { identifier: email, hashedToken: hashSignInToken(token), expires });
      const { coopName } = getSiteSettings();
      queueEmail(tx, {
        to: email,
        subject: `Your sign-in link for ${coopName}`,
        ...renderEmail({
          coopName,
          heading: `Sign in to ${coopName}`,
          paragraphs: [
            "Someone, hopefully you, asked to sign in to the co-op's website with this email address.",
            "The link below works once and expires in 10 minutes.",
          ],
          action: { label: "Sign in", url: link.toString() },
          footnote: "If you did not ask for this, ignore this email: nobody can sign in without the link.",
        }),
        redactAfter: expires,
      });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
  if (result.ok) wakeEmailWorker();
  return result;
}

/** What the verify page may show about a link before it is used (it is not used up here). */
export function describeSignInLink(token: string): { email: string; expired: boolean } | null {
  if (!/^[0-9a-f]{64}$/.test(token)) return null;
  const stored = findVerificationToken(hashSignInToken(token));
  if (!stored) return null;
  return { email: stored.identifier, expired: stored.expires.getTime() < Date.now() };
}
