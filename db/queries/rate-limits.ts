import "server-only";
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import { rateLimitHits } from "../schema";
import type { Executor } from "./executor";

export type RateLimitRule = { key: string; limit: number; windowMs: number };
export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterMs: number };
/** A verdict on several rules; a refusal names the key of the rule that refused. */
export type RateLimitsVerdict = { ok: true } | { ok: false; retryAfterMs: number; refusedBy: string };

/** How the window stands for one key, without counting a new hit. */
export function checkRateLimit(executor: Executor, rule: RateLimitRule, now: Date): RateLimitVerdict {
  const since = new Date(now.getTime() - rule.windowMs);
  const inWindow = and(eq(rateLimitHits.key, rule.key), gt(rateLimitHits.at, since));
  const count = executor.select({ n: sql<number>`count(*)` }).from(rateLimitHits).where(inWindow).get()!.n;
  if (count < rule.limit) return { ok: true };
  const oldest = executor.select({ at: rateLimitHits.at }).from(rateLimitHits).where(inWindow).orderBy(asc(rateLimitHits.at)).limit(1).get()!;
  return { ok: false, retryAfterMs: oldest.at.getTime() + rule.windowMs - now.getTime() };
}

export function recordRateLimitHit(executor: Executor, key: string, now: Date) {
  executor.insert(rateLimitHits).values({ key, at: now }).run();
}

/** No rule in the portal looks further back than this; older hits only take space. */
export const RATE_LIMIT_LONGEST_WINDOW_MS = 24 * 60 * 60_000;

/** Drops hits older than any window we use, keeping the table small. */
export function pruneRateLimitHits(executor: Executor, now: Date) {
  executor.delete(rateLimitHits).where(lt(rateLimitHits.at, new Date(now.getTime() - RATE_LIMIT_LONGEST_WINDOW_MS))).run();
}

/**
 * Counts one hit against every rule if none is exhausted; otherwise counts nothing and
 * says when to retry and which rule refused (the first exhausted one, in the order given).
 * Run it in the transaction of the write it guards, so a refused request leaves no trace
 * and a granted one is counted exactly once.
 */
export function consumeRateLimits(executor: Executor, rules: RateLimitRule[], now: Date): RateLimitsVerdict {
  for (const rule of rules) {
    const verdict = checkRateLimit(executor, rule, now);
    if (!verdict.ok) return { ...verdict, refusedBy: rule.key };
  }
  for (const rule of rules) recordRateLimitHit(executor, rule.key, now);
  pruneRateLimitHits(executor, now);
  return { ok: true };
}
