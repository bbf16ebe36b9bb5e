import "server-only";
import { and, asc, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { db } from "../index";
import { listHouseholdMembers } from "./owner-households";
import { equityPayments, ownerApplications, ownerHouseholdMembers, owners, users } from "../schema";
import { clampPage } from "@/lib/model/pagination";

// Staff reads of ownerships: the list, one ownership in full, and the point-of-sale export.

const paidCents = sql<number>`coalesce((select sum(${equityPayments.amountCents}) from ${equityPayments} where ${equityPayments.ownerId} = ${owners.id}), 0)`;

export const OWNERS_PAGE_SIZE = 50;

/** Owners by number, newest first; `search` matches a name, an email or an owner number. */
export function listOwners(filter: { search?: string; page?: number }) {
  const page = clampPage(filter.page);
  const conditions: SQL[] = [];
  const search = filter.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[%_\\]/g, (char) => `\\${char}`)}%`;
    const matches = [sql`${owners.name} like ${pattern} escape '\\'`, sql`${users.email} like ${pattern} escape '\\'`];
    if (/^\d{1,9}$/.test(search)) matches.push(eq(owners.ownerNumber, Number(search)));
    conditions.push(or(...matches)!);
  }
  const rows = db
    .select({
      id: owners.id,
      ownerNumber: owners.ownerNumber,
      name: owners.name,
      email: users.email,
      joinedOn: owners.joinedOn,
      status: owners.status,
      equityPlan: owners.equityPlan,
      flowerVerifiedUntil: owners.flowerVerifiedUntil,
      paidCents,
    })
    .from(owners)
    .innerJoin(users, eq(users.id, owners.userId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(owners.ownerNumber))
    .limit(OWNERS_PAGE_SIZE + 1)
    .offset((page - 1) * OWNERS_PAGE_SIZE)
    .all();
  return { rows: rows.slice(0, OWNERS_PAGE_SIZE), hasMore: rows.length > OWNERS_PAGE_SIZE, page };
}

export type OwnerListRow = ReturnType<typeof listOwners>["rows"][number];

/** One ownership with everything staff see: contact, household, payments with who recorded them. */
export function getOwnerForStaff(id: number) {
  const owner = db
    .select({
      owner: owners,
      email: users.email,
      phone: owners.phone,
      streetAddress: owners.streetAddress,
      locality: owners.locality,
      region: owners.region,
      postalCode: owners.postalCode,
      flowerPrograms: ownerApplications.flowerPrograms,
    })
    .from(owners)
    .innerJoin(users, eq(users.id, owners.userId))
    .leftJoin(ownerApplications, eq(ownerApplications.id, owners.applicationId))
    .where(eq(owners.id, id))
    .get();
  if (!owner) return null;
  const household = listHouseholdMembers(db, id, new Date());
  const payments = db
    .select({
      id: equityPayments.id,
      amountCents: equityPayments.amountCents,
      paidOn: equityPayments.paidOn,
      method: equityPayments.method,
      recordedBy: users.email,
    })
    .from(equityPayments)
    .leftJoin(users, eq(users.id, equityPayments.recordedBy))
    .where(eq(equityPayments.ownerId, id))
    .orderBy(asc(equityPayments.paidOn), asc(equityPayments.id))
    .all();
  return { ...owner.owner, email: owner.email, contact: owner, flowerPrograms: owner.flowerPrograms ?? [], household, payments };
}

/** Every ownership with what the point-of-sale import needs, by owner number. */
export function listOwnersForExport() {
  const householdNames = sql<string | null>`(select group_concat(${ownerHouseholdMembers.name}, char(31)) from ${ownerHouseholdMembers} where ${ownerHouseholdMembers.ownerId} = ${owners.id})`;
  return db
    .select({
      ownerNumber: owners.ownerNumber,
      name: owners.name,
      email: users.email,
      phone: owners.phone,
      streetAddress: owners.streetAddress,
      locality: owners.locality,
      region: owners.region,
      postalCode: owners.postalCode,
      householdNames,
      equityPlan: owners.equityPlan,
      planId: owners.planId,
      paidCents,
      flowerPrograms: ownerApplications.flowerPrograms,
      flowerVerifiedUntil: owners.flowerVerifiedUntil,
      joinedOn: owners.joinedOn,
      status: owners.status,
    })
    .from(owners)
    .innerJoin(users, eq(users.id, owners.userId))
    .leftJoin(ownerApplications, eq(ownerApplications.id, owners.applicationId))
    .orderBy(asc(owners.ownerNumber))
    .all();
}
