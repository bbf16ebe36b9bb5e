import { addMonths, formatISO } from "date-fns";
import { getEquityPlans } from "../queries/owner-settings";
import { approveOwnerApplication, insertOwnerApplication } from "../queries/owner-applications";
import { recordEquityPayment } from "../queries/owners";
import { equitySchedule } from "@/lib/model/equity";
import { storeDay } from "@/lib/model/format";
import { eq, sql } from "drizzle-orm";
import { ownerApplications, ownerHouseholdMembers } from "../schema";
import { ensureUserByEmail } from "../queries/users";
import { newLinkToken } from "@/lib/link-tokens";
import { demoOwnerApplication, demoOwnerMonthsAgo, demoOwnerPaymentsMade, demoPendingApplications } from "../seed-data/demo-owners";
import type { Executor } from "../queries/executor";

/**
 * Demo mode only, on a database without any application yet: the demo ownership with
 * its payments, and applications for staff to review. Returns how many applications it added.
 */
export function seedDemoOwners(executor: Executor, approvedBy: string) {
  const existing = executor.select({ n: sql<number>`count(*)` }).from(ownerApplications).get()!.n;
  if (existing > 0) return 0;
  const plans = getEquityPlans(executor);
  const planOf = (id: string) => plans.find((plan) => plan.id === id) ?? plans[0]!;
  const joinedOn = formatISO(addMonths(new Date(`${storeDay()}T12:00:00Z`), -demoOwnerMonthsAgo), { representation: "date" });

  const plan = planOf(demoOwnerApplication.planId);
  const applicationId = insertOwnerApplication(executor, demoOwnerApplication, { plan, signedOn: joinedOn });
  const now = new Date();
  const { ownerId, invitations } = approveOwnerApplication(executor, {
    applicationId,
    decidedBy: approvedBy,
    joinedOn,
    seal: () => ({ token: "", tokenHash: newLinkToken(), invitedAt: now, expiresAt: now }),
  });
  // The demo household member has said yes already, so that their account shows the ownership.
  for (const invitation of invitations) {
    const person = { id: ensureUserByEmail(executor, invitation.email, invitation.name), email: invitation.email };
    executor.update(ownerHouseholdMembers).set({ userId: person.id, joinedAt: now, inviteTokenHash: null, inviteExpiresAt: null }).where(eq(ownerHouseholdMembers.email, person.email)).run();
  }
  for (const due of equitySchedule(plan, joinedOn).slice(0, demoOwnerPaymentsMade)) {
    recordEquityPayment(executor, { ownerId, amountCents: due.amountCents, paidOn: due.dueOn, method: "cash", recordedBy: approvedBy });
  }
  for (const application of demoPendingApplications) {
    insertOwnerApplication(executor, application, { plan: planOf(application.planId), signedOn: storeDay() });
  }
  return 1 + demoPendingApplications.length;
}
