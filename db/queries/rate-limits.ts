import "server-only";
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import { rateLimitHits } from "../schema";
import type { Executor } from "./executor";

export type RateLimitRule = { key: string; limit: number; windowMs: number };
export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterMs: number };

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

/** Drops hits older than any window we use, keeping the table small. */
export function pruneRateLimitHits(executor: Executor, olderThan: Date) {
  executor.delete(rateLimitHits).where(lt(rateLimitHits.at, olderThan)).run();
}
