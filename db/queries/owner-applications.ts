import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { OwnerApplicationInput } from "@/lib/validations/owners";
import { db } from "../index";
import { ownerApplicationHousehold, ownerApplications, type OwnerApplicationStatus } from "../schema";
import type { Executor } from "./executor";
import { findOwnershipByEmail } from "./owners";

/**
 * Stores an application with its household. Refuses (code `conflict`) a second pending
 * application for the same address and an address that already belongs to an ownership;
 * run it inside the caller's IMMEDIATE transaction with the emails it causes.
 */
export function insertOwnerApplication(executor: Executor, input: OwnerApplicationInput, signedOn: string) {
  const email = input.applicant.email;
  if (findOwnershipByEmail(executor, email)) throw new AppError("conflict", "already_owner");
  const pending = executor
    .select({ id: ownerApplications.id })
    .from(ownerApplications)
    .where(and(eq(ownerApplications.email, email), eq(ownerApplications.status, "submitted")))
    .get();
  if (pending) throw new AppError("conflict", "application_pending");
  const { id } = executor
    .insert(ownerApplications)
    .values({
      ...input.applicant,
      email,
      planId: input.planId,
      flowerPrograms: input.flower,
      signature: input.agreement.signature,
      note: input.agreement.note ?? null,
      signedOn,
    })
    .returning({ id: ownerApplications.id })
    .get();
  input.household.forEach((member, position) => {
    executor.insert(ownerApplicationHousehold).values({ applicationId: id, position, name: member.name, email: member.email ?? null }).run();
  });
  return id;
}

/** One application with its household, or null. */
export function getOwnerApplication(executor: Executor, id: number) {
  const application = executor.select().from(ownerApplications).where(eq(ownerApplications.id, id)).get();
  if (!application) return null;
  const household = executor
    .select({ name: ownerApplicationHousehold.name, email: ownerApplicationHousehold.email })
    .from(ownerApplicationHousehold)
    .where(eq(ownerApplicationHousehold.applicationId, id))
    .orderBy(asc(ownerApplicationHousehold.position))
    .all();
  return { ...application, household };
}

/** The newest application made with this address (what its applicant follows on /account). */
export function getLatestApplicationByEmail(email: string) {
  return db.select().from(ownerApplications).where(eq(ownerApplications.email, email)).orderBy(desc(ownerApplications.id)).get() ?? null;
}

/** Marks a pending application declined with the reason staff give; `conflict` when it is not pending. */
export function declineOwnerApplication(executor: Executor, id: number, reason: string, decidedBy: string) {
  const changed = executor
    .update(ownerApplications)
    .set({ status: "declined", declineReason: reason, decidedBy, decidedAt: new Date() })
    .where(and(eq(ownerApplications.id, id), eq(ownerApplications.status, "submitted")))
    .run().changes;
  if (changed === 0) throw new AppError(getOwnerApplication(executor, id) ? "conflict" : "not_found", "application_not_pending");
}

export function countOwnerApplicationsByStatus() {
  const rows = db
    .select({ status: ownerApplications.status, n: sql<number>`count(*)` })
    .from(ownerApplications)
    .groupBy(ownerApplications.status)
    .all();
  return Object.fromEntries(rows.map((row) => [row.status, row.n])) as Partial<Record<OwnerApplicationStatus, number>>;
}
