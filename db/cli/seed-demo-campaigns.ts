import { sql } from "drizzle-orm";
import type { Executor } from "../queries/executor";
import { newsletterCampaigns } from "../schema";
import { demoCampaigns } from "../seed-data/demo-campaigns";

const dayMs = 86_400_000;

/**
 * Demo mode only, on a database without any campaign yet: two campaigns in the public
 * archive, stored as already sent, with no deliveries (nobody was emailed). Returns how
 * many it added.
 */
export function seedDemoCampaigns(executor: Executor, staffUserId: string) {
  const existing = executor.select({ n: sql<number>`count(*)` }).from(newsletterCampaigns).get()!.n;
  if (existing > 0) return 0;
  const now = Date.now();
  for (const { sentDaysAgo, ...campaign } of demoCampaigns) {
    const sentAt = new Date(now - sentDaysAgo * dayMs);
    const startedAt = new Date(sentAt.getTime() - 20 * 60_000);
    executor
      .insert(newsletterCampaigns)
      .values({ ...campaign, status: "sent", createdBy: staffUserId, createdAt: new Date(startedAt.getTime() - 2 * dayMs), updatedAt: sentAt, sendStartedAt: startedAt, sentAt })
      .run();
  }
  return demoCampaigns.length;
}
