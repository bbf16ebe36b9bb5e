import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { ownerApplications } from "../schema";
import type { Executor } from "./executor";

// An application's household rows go with it (ON DELETE CASCADE). Approved applications
// are never deleted here: their ownership refers to them.

/**
 * Deletes the declined applications decided before `cutoff` (an old row without a
 * decision time counts from when it was sent). Run it in the caller's transaction with the
 * deletion of their mail; returns their ids.
 */
export function deleteApplicationsDeclinedBefore(executor: Executor, cutoff: Date) {
  return executor
    .delete(ownerApplications)
    .where(and(eq(ownerApplications.status, "declined"), lt(sql`coalesce(${ownerApplications.decidedAt}, ${ownerApplications.submittedAt})`, cutoff.getTime())))
    .returning({ id: ownerApplications.id })
    .all()
    .map((row) => row.id);
}

/**
 * Deletes the application waiting for review that was made with this address (at most
 * one: a unique index), and returns its id, or null when there is none. Whoever is signed
 * in with the address withdraws only their own.
 */
export function deletePendingApplicationByEmail(executor: Executor, email: string) {
  return (
    executor
      .delete(ownerApplications)
      .where(and(eq(ownerApplications.email, email.toLowerCase()), eq(ownerApplications.status, "submitted")))
      .returning({ id: ownerApplications.id })
      .get()?.id ?? null
  );
}
