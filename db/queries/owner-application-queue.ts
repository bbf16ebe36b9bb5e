import "server-only";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { db } from "../index";
import { ownerApplicationStatuses, type OwnerApplicationStatus } from "@/lib/model/owners";
import { ownerApplicationHousehold, ownerApplications } from "../schema";
import { clampPage } from "@/lib/model/pagination";

export type ApplicationQueueFilter = {
  status?: OwnerApplicationStatus;
  /** "yes": asked for the FLOWER discount; "no": did not. */
  flower?: "yes" | "no";
  /** Submitted on or after this instant. */
  from?: Date;
  /** Submitted before this instant. */
  until?: Date;
  page?: number;
};

export const APPLICATION_QUEUE_PAGE_SIZE = 50;

function conditionsOf(filter: ApplicationQueueFilter, withStatus: boolean) {
  const conditions: SQL[] = [];
  if (withStatus && filter.status) conditions.push(eq(ownerApplications.status, filter.status));
  if (filter.flower === "yes") conditions.push(sql`json_array_length(${ownerApplications.flowerPrograms}) > 0`);
  if (filter.flower === "no") conditions.push(sql`json_array_length(${ownerApplications.flowerPrograms}) = 0`);
  if (filter.from) conditions.push(gte(ownerApplications.submittedAt, filter.from));
  if (filter.until) conditions.push(lt(ownerApplications.submittedAt, filter.until));
  return conditions.length ? and(...conditions) : undefined;
}

/** The staff queue: oldest waiting first when looking at pending ones, newest first otherwise. */
export function listOwnerApplications(filter: ApplicationQueueFilter) {
  const page = clampPage(filter.page);
  const householdSize = sql<number>`(select count(*) from ${ownerApplicationHousehold} where ${ownerApplicationHousehold.applicationId} = ${ownerApplications.id})`;
  const rows = db
    .select({
      id: ownerApplications.id,
      name: ownerApplications.name,
      email: ownerApplications.email,
      status: ownerApplications.status,
      planId: ownerApplications.planId,
      flowerPrograms: ownerApplications.flowerPrograms,
      submittedAt: ownerApplications.submittedAt,
      householdSize,
    })
    .from(ownerApplications)
    .where(conditionsOf(filter, true))
    .orderBy(filter.status === "submitted" ? ownerApplications.submittedAt : desc(ownerApplications.submittedAt), desc(ownerApplications.id))
    .limit(APPLICATION_QUEUE_PAGE_SIZE + 1)
    .offset((page - 1) * APPLICATION_QUEUE_PAGE_SIZE)
    .all();
  return { rows: rows.slice(0, APPLICATION_QUEUE_PAGE_SIZE), hasMore: rows.length > APPLICATION_QUEUE_PAGE_SIZE, page };
}

/** How many applications of each status match the other filters (the queue's tabs). */
export function countOwnerApplicationsByStatus(filter: ApplicationQueueFilter): Record<OwnerApplicationStatus, number> {
  const rows = db
    .select({ status: ownerApplications.status, count: sql<number>`count(*)` })
    .from(ownerApplications)
    .where(conditionsOf(filter, false))
    .groupBy(ownerApplications.status)
    .all();
  const counts = Object.fromEntries(ownerApplicationStatuses.map((status) => [status, 0])) as Record<OwnerApplicationStatus, number>;
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}
