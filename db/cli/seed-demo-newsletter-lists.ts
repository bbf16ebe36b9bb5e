import { inArray } from "drizzle-orm";
import { DEFAULT_LIST_SLUG } from "@/lib/model/newsletter";
import type { Executor } from "../queries/executor";
import { newsletterListMembers, newsletterLists, newsletterSubscribers } from "../schema";
import { confirmedDemoSubscribers } from "./seed-demo-newsletter-subscribers";

const demoLists = [
  { slug: "weekly-sales-flyer", name: "Weekly sales flyer", description: "This week's sales, every Wednesday.", audience: "everyone", joinByDefault: true, position: 1 },
  { slug: "classes-and-events", name: "Classes and events", description: "Cooking classes, tastings and store events, once a month.", audience: "everyone", joinByDefault: false, position: 2 },
  { slug: "owner-news", name: "Owner news", description: "Board elections, annual meetings and patronage news, for owners.", audience: "owners", joinByDefault: false, position: 3 },
  { slug: "the-rutabaga-rap", name: "The Rutabaga Rap", description: "Our printed newsletter by email, when a new issue is out.", audience: "everyone", joinByDefault: false, position: 4 },
] as const;

/** Which demo lists each confirmed demo subscriber is on, beside the first list: a spread the staff counts can show. */
const demoChoices = (index: number) => [index % 2 === 0 && "weekly-sales-flyer", index % 3 === 0 && "classes-and-events", index < 3 && "the-rutabaga-rap"].filter((slug) => slug !== false);

/**
 * Demo mode only: the demo lists (each added once, by its address), and the demo
 * subscribers on lists with their consent as they confirmed (they were seeded after the
 * first list existed, so nothing put them on it). Subscribers already on a list are left
 * as they are. Returns how many lists it added.
 */
export function seedDemoNewsletterLists(executor: Executor, now = new Date()) {
  const added = executor
    .insert(newsletterLists)
    .values(demoLists.map((list) => ({ ...list, createdAt: now, updatedAt: now })))
    .onConflictDoNothing({ target: newsletterLists.slug })
    .run().changes;
  const listId = new Map(executor.select({ id: newsletterLists.id, slug: newsletterLists.slug }).from(newsletterLists).all().map((row) => [row.slug, row.id]));
  const emails = [...confirmedDemoSubscribers.map(([firstName]) => `${firstName.toLowerCase()}@coop.example`), "kim@coop.example"];
  const subscribers = executor.select().from(newsletterSubscribers).where(inArray(newsletterSubscribers.email, emails)).all();
  const onAList = new Set(
    executor
      .select({ id: newsletterListMembers.subscriberId })
      .from(newsletterListMembers)
      .where(inArray(newsletterListMembers.subscriberId, subscribers.map((row) => row.id)))
      .all()
      .map((row) => row.id),
  );
  for (const subscriber of subscribers) {
    if (onAList.has(subscriber.id)) continue;
    const index = emails.indexOf(subscriber.email);
    const slugs = subscriber.status === "confirmed" ? [DEFAULT_LIST_SLUG, ...demoChoices(index)] : [DEFAULT_LIST_SLUG, "weekly-sales-flyer"];
    const consent =
      subscriber.status === "confirmed"
        ? { status: "subscribed" as const, consentAt: subscriber.confirmedAt, consentIp: subscriber.confirmIp }
        : { status: "pending" as const, consentAt: null, consentIp: null };
    const rows = slugs.flatMap((slug) => (listId.has(slug) ? [{ listId: listId.get(slug)!, subscriberId: subscriber.id, chosenAt: subscriber.signedUpAt, consentSource: "form" as const, ...consent }] : []));
    if (rows.length > 0) executor.insert(newsletterListMembers).values(rows).onConflictDoNothing().run();
  }
  return added;
}

