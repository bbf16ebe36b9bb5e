import "server-only";
import { createHash } from "node:crypto";
import type { Executor } from "@/db/queries/executor";
import { consumeRateLimits } from "@/db/queries/rate-limits";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const HOUR_MS = 60 * 60_000;

/** A rate limit's key: its scope and a hash of the address or email it counts, never the value itself (rule 7). */
export const rateLimitKey = (scope: string, value: string) => `${scope}:${createHash("sha256").update(value).digest("hex")}`;

/** The key under which a public form counts one client address (`owners:apply`, `jobs:apply`, …). */
export const publicFormLimitKey = (form: string, ip: string) => rateLimitKey(`${form}:ip`, ip);

/**
 * Counts one use of a public form by this client address against the hourly limit
 * (`PUBLIC_FORM_LIMIT_PER_IP`), inside the caller's transaction. Over the limit it counts
 * nothing and throws `rate_limited` with `refusal(minutes until a retry)`.
 */
export function consumePublicFormLimit(tx: Executor, form: string, ip: string, now: Date, refusal: (minutes: number) => string) {
  const verdict = consumeRateLimits(tx, [{ key: publicFormLimitKey(form, ip), limit: getEnv().publicFormLimitPerIp, windowMs: HOUR_MS }], now);
  if (!verdict.ok) throw new AppError("rate_limited", refusal(Math.max(1, Math.ceil(verdict.retryAfterMs / 60_000))));
}
