import "server-only";
import { desc, eq, isNotNull, sql } from "drizzle-orm";
import { subscriberStatuses, type SubscriberStatus } from "@/lib/model/newsletter";
import { db } from "../index";
import { newsletterSubscribers } from "../schema";
import { clampPage } from "@/lib/model/pagination";

// The staff's reads of the subscriber list (the writes are in newsletter-subscribers.ts).

export const SUBSCRIBER_PAGE_SIZE = 50;

/** Staff list, newest signups first. */
export function listSubscribers(filter: { status?: SubscriberStatus; page?: number }) {
  const page = clampPage(filter.page);
  const rows = db
    .select({
      id: newsletterSubscribers.id,
      email: newsletterSubscribers.email,
      firstName: newsletterSubscribers.firstName,
      status: newsletterSubscribers.status,
      signedUpAt: newsletterSubscribers.signedUpAt,
      confirmedAt: newsletterSubscribers.confirmedAt,
      unsubscribedAt: newsletterSubscribers.unsubscribedAt,
    })
    .from(newsletterSubscribers)
    .where(filter.status ? eq(newsletterSubscribers.status, filter.status) : undefined)
    .orderBy(desc(newsletterSubscribers.signedUpAt), desc(newsletterSubscribers.id))
    .limit(SUBSCRIBER_PAGE_SIZE + 1)
    .offset((page - 1) * SUBSCRIBER_PAGE_SIZE)
    .all();
  return { rows: rows.slice(0, SUBSCRIBER_PAGE_SIZE), hasMore: rows.length > SUBSCRIBER_PAGE_SIZE, page };
}

export function countSubscribersByStatus(): Record<SubscriberStatus, number> {
  const rows = db
    .select({ status: newsletterSubscribers.status, n: sql<number>`count(*)` })
    .from(newsletterSubscribers)
    .groupBy(newsletterSubscribers.status)
    .all();
  const counts = Object.fromEntries(subscriberStatuses.map((status) => [status, 0])) as Record<SubscriberStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** Everyone who ever confirmed, for the growth chart: when they confirmed and, if so, left. */
export function listConsentSpans() {
  return db
    .select({ confirmedAt: newsletterSubscribers.confirmedAt, unsubscribedAt: newsletterSubscribers.unsubscribedAt })
    .from(newsletterSubscribers)
    .where(isNotNull(newsletterSubscribers.confirmedAt))
    .all()
    .map((row) => ({ confirmedAt: row.confirmedAt!, unsubscribedAt: row.unsubscribedAt }));
}

/** The confirmed subscribers with their proof of consent, oldest first, for the CSV export. */
export function listConfirmedSubscribersForExport() {
  return db
    .select({
      email: newsletterSubscribers.email,
      firstName: newsletterSubscribers.firstName,
      signedUpAt: newsletterSubscribers.signedUpAt,
      confirmedAt: newsletterSubscribers.confirmedAt,
      confirmIp: newsletterSubscribers.confirmIp,
    })
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.status, "confirmed"))
    .orderBy(newsletterSubscribers.confirmedAt, newsletterSubscribers.id)
    .all();
}
