import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { refusals } from "@/lib/model/errors";
import type { EquityPaymentMethod, EquityPlan } from "@/lib/model/equity";
import type { OwnerApplicationInput } from "@/lib/validations/owners";
import { db } from "../index";
import { ownerApplicationHousehold, ownerApplications, owners } from "../schema";
import type { Executor } from "./executor";
import { findOwnershipByEmail, insertHouseholdInvitation, insertHouseholdName, type Invitation, type InvitationSeal } from "./owner-households";
import { recordEquityPayment, takeOwnerNumber, type OwnerNumberRefusal } from "./owners";
import { ensureUserByEmail } from "./users";

/** Why `insertOwnerApplication` refuses. */
export type ApplicationInsertRefusal = "already_owner" | "application_pending";
/** Why approving or declining an application refuses (approving also takes an owner number). */
export type ApplicationDecisionRefusal = "application_not_found" | "application_not_pending" | "applicant_in_ownership" | OwnerNumberRefusal;
const refuse = refusals<ApplicationInsertRefusal | Exclude<ApplicationDecisionRefusal, OwnerNumberRefusal>>();

/**
 * Stores an application with its household. Refuses (code `conflict`) a second pending
 * application for the same address (`application_pending`) and an applicant's address
 * that already belongs to an ownership (`already_owner`): the caller answers both like a
 * stored application and tells the address by email, so the form reveals nobody. Household
 * addresses are not looked up: they are invited once the ownership exists. Run it inside
 * the caller's IMMEDIATE transaction with the emails it causes.
 */
export function insertOwnerApplication(executor: Executor, input: OwnerApplicationInput, terms: { plan: EquityPlan; signedOn: string }) {
  const email = input.applicant.email;
  if (findOwnershipByEmail(executor, email)) throw refuse("conflict", "already_owner");
  const pending = executor
    .select({ id: ownerApplications.id })
    .from(ownerApplications)
    .where(and(eq(ownerApplications.email, email), eq(ownerApplications.status, "submitted")))
    .get();
  if (pending) throw refuse("conflict", "application_pending");
  const { id } = executor
    .insert(ownerApplications)
    .values({
      ...input.applicant,
      email,
      planId: input.planId,
      equityPlan: terms.plan,
      flowerPrograms: input.flower,
      signature: input.agreement.signature,
      note: input.agreement.note ?? null,
      signedOn: terms.signedOn,
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
  if (changed === 0) {
    // Withdrawn and deleted meanwhile (or never there): staff are told it no longer exists.
    if (!getOwnerApplication(executor, id)) throw refuse("not_found", "application_not_found");
    throw refuse("conflict", "application_not_pending");
  }
}

export type Approval = {
  applicationId: number;
  decidedBy: string;
  /** The day equity starts, YYYY-MM-DD. */
  joinedOn: string;
  firstPayment?: { amountCents: number; method: EquityPaymentMethod };
  /** Makes each household invitation's token; the caller emails the tokens after commit. */
  seal: () => InvitationSeal & { token: string };
};

/**
 * Approves a pending application: takes the next owner number, creates the ownership for
 * the applicant's account (made if needed), invites the household members who gave an
 * email (answered in `invitations`, for the caller to email: nobody is linked before they
 * accept), and records a first payment taken at the register. Run it in the caller's
 * IMMEDIATE transaction; `conflict` when the application is no longer pending. An applicant
 * who belongs to an ownership by now (they accepted a household invitation meanwhile) is
 * refused (`applicant_in_ownership`).
 */
export function approveOwnerApplication(executor: Executor, approval: Approval) {
  const application = getOwnerApplication(executor, approval.applicationId);
  if (!application) throw refuse("not_found", "application_not_found");
  if (application.status === "submitted" && findOwnershipByEmail(executor, application.email)) throw refuse("conflict", "applicant_in_ownership");
  const claimed = executor
    .update(ownerApplications)
    .set({ status: "approved", decidedBy: approval.decidedBy, decidedAt: new Date() })
    .where(and(eq(ownerApplications.id, application.id), eq(ownerApplications.status, "submitted")))
    .run().changes;
  if (claimed === 0) throw refuse("conflict", "application_not_pending");

  const ownerNumber = takeOwnerNumber(executor);
  const { id: ownerId } = executor
    .insert(owners)
    .values({
      ownerNumber,
      userId: ensureUserByEmail(executor, application.email, application.name),
      applicationId: application.id,
      name: application.name,
      planId: application.planId,
      equityPlan: application.equityPlan,
      joinedOn: approval.joinedOn,
      phone: application.phone,
      streetAddress: application.streetAddress,
      locality: application.locality,
      region: application.region,
      postalCode: application.postalCode,
    })
    .returning({ id: owners.id })
    .get();
  const invitations: Invitation[] = [];
  for (const member of application.household) {
    if (!member.email) {
      insertHouseholdName(executor, ownerId, member.name);
      continue;
    }
    const sealed = approval.seal();
    const memberId = insertHouseholdInvitation(executor, ownerId, { name: member.name, email: member.email }, sealed);
    invitations.push({ memberId, name: member.name, email: member.email, token: sealed.token, expiresAt: sealed.expiresAt });
  }
  if (approval.firstPayment) {
    recordEquityPayment(executor, { ownerId, ...approval.firstPayment, paidOn: approval.joinedOn, recordedBy: approval.decidedBy });
  }
  return { ownerId, ownerNumber, invitations };
}
