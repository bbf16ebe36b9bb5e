import { sql } from "drizzle-orm";
import { hashNewsletterToken, newNewsletterToken } from "@/lib/newsletter/tokens";
import { CONFIRM_LINK_DAYS } from "@/lib/model/newsletter";
import type { Executor } from "../queries/executor";
import { newsletterSubscribers } from "../schema";

const DAY_MS = 86_400_000;

/** Confirmed demo subscribers: first name and how many days ago they confirmed (spread over months, so the staff chart has a shape). */
export const confirmedDemoSubscribers: [string, number][] = [
  ["Ada", 320],
  ["Bram", 290],
  ["Chiara", 250],
  ["Dev", 205],
  ["Esther", 170],
  ["Farid", 130],
  ["Gwen", 95],
  ["Hiro", 60],
  ["Ines", 34],
  ["Jonah", 12],
];

/**
 * Demo mode only, on a database without subscribers yet: confirmed subscribers on the
 * reserved .example domain (no real inbox gets the demo campaigns) and one signup still
 * waiting for confirmation. Their tokens are random and thrown away: nobody needs them.
 * Returns how many subscribers it added.
 */
export function seedDemoNewsletterSubscribers(executor: Executor, now = new Date()) {
  const existing = executor.select({ n: sql<number>`count(*)` }).from(newsletterSubscribers).get()!.n;
  if (existing > 0) return 0;
  const daysAgo = (days: number, hours = 0) => new Date(now.getTime() - days * DAY_MS - hours * 3_600_000);
  const confirmed = confirmedDemoSubscribers.map(([firstName, days], index) => ({
    email: `${firstName.toLowerCase()}@coop.example`,
    firstName,
    status: "confirmed" as const,
    signedUpAt: daysAgo(days, 2),
    confirmedAt: daysAgo(days),
    // Documentation addresses (RFC 5737): demo consent proof that points at nobody.
    confirmIp: `192.0.2.${10 + index}`,
    unsubscribeTokenHash: hashNewsletterToken(newNewsletterToken()),
  }));
  const pending = {
    email: "kim@coop.example",
    firstName: "Kim",
    status: "pending" as const,
    signedUpAt: daysAgo(1),
    confirmTokenHash: hashNewsletterToken(newNewsletterToken()),
    confirmTokenExpiresAt: new Date(daysAgo(1).getTime() + CONFIRM_LINK_DAYS * DAY_MS),
  };
  return executor.insert(newsletterSubscribers).values([...confirmed, pending]).run().changes;
}
