import "server-only";
import { createHash } from "node:crypto";
import type { Executor } from "@/db/queries/executor";
import { consumeRateLimits, type RateLimitRule } from "@/db/queries/rate-limits";
import { addressForLimits } from "@/lib/auth/client-ip";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/model/errors";

export const HOUR_MS = 60 * 60_000;

/** A rate limit's key: its scope and a hash of the address or email it counts, never the value itself (rule 7). */
export const rateLimitKey = (scope: string, value: string) => `${scope}:${createHash("sha256").update(value).digest("hex")}`;

/** The key of every per-address limit: the part of the address that names one client (an IPv6 client's /64). */
export const addressLimitKey = (scope: string, ip: string) => rateLimitKey(scope, addressForLimits(ip));

/** The key under which a public form counts one client address (`owners:apply`, `jobs:apply`, …). */
export const publicFormLimitKey = (form: string, ip: string) => addressLimitKey(`${form}:ip`, ip);

/** The key under which a public form counts every use, whoever sends it. */
export const publicFormTotalKey = (form: string) => `${form}:total`;

/** The cap on all senders of one public form together (`PUBLIC_FORM_LIMIT_TOTAL_PER_HOUR`). */
export const publicFormTotalRule = (form: string): RateLimitRule => ({ key: publicFormTotalKey(form), limit: getEnv().publicFormLimitTotalPerHour, windowMs: HOUR_MS });

export const minutesUntil = (retryAfterMs: number) => Math.max(1, Math.ceil(retryAfterMs / 60_000));

/**
 * What anyone is told when a form's cap on all senders is reached. The same words for
 * every sender and every address typed in: the cap says nothing about who anyone is.
 */
export function busyFormMessage(minutes: number) {
  return `Lots of people are using this form right now. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

const noted = Symbol.for("coop.formCapNotedAt");
/** When each form's cap was last logged; on globalThis, as each server bundle has its own copy of this module. */
const notedAt: Map<string, number> = ((globalThis as { [noted]?: Map<string, number> })[noted] ??= new Map());

/**
 * One log line when a form's cap first refuses someone, then none for that form for an
 * hour: staff learn that the form is busy (or under attack) without a line per request.
 * It names the form and the cap, nothing about any sender.
 */
export function noteFormCapReached(form: string, rule: RateLimitRule, minutes: number, now: Date) {
  const last = notedAt.get(form);
  if (last !== undefined && now.getTime() - last < rule.windowMs) return;
  notedAt.set(form, now.getTime());
  console.warn(`[limits] The hourly cap of ${rule.limit} for the ${form} form was reached; it refuses everyone for about ${minutes} minutes (PUBLIC_FORM_LIMIT_TOTAL_PER_HOUR).`);
}

/**
 * Counts one use of a public form against this client address's hourly limit
 * (`PUBLIC_FORM_LIMIT_PER_IP`) and the form's cap on all senders together, inside the
 * caller's transaction. Over either it counts nothing and throws `rate_limited`: with
 * `refusal(minutes until a retry)` for the address, with the calm busy message for the cap.
 */
export function consumePublicFormLimit(tx: Executor, form: string, ip: string, now: Date, refusal: (minutes: number) => string) {
  const total = publicFormTotalRule(form);
  const verdict = consumeRateLimits(tx, [{ key: publicFormLimitKey(form, ip), limit: getEnv().publicFormLimitPerIp, windowMs: HOUR_MS }, total], now);
  if (verdict.ok) return;
  const minutes = minutesUntil(verdict.retryAfterMs);
  if (verdict.refusedBy !== total.key) throw new AppError("rate_limited", refusal(minutes));
  noteFormCapReached(form, total, minutes, now);
  throw new AppError("rate_limited", busyFormMessage(minutes));
}
