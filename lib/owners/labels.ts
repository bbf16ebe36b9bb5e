import type { OwnerApplicationStatus } from "@/lib/model/owners";
import type { HouseholdMemberStatus } from "@/db/queries/owner-households";
import type { EquityPaymentMethod } from "@/lib/model/equity";
import { flowerPrograms, type FlowerProgram } from "@/lib/model/owners";

/** Application statuses as staff and applicants read them. */
export const applicationStatusLabels: Record<OwnerApplicationStatus, string> = {
  submitted: "Waiting for review",
  approved: "Approved",
  declined: "Declined",
};

export const paymentMethodLabels: Record<EquityPaymentMethod, string> = { cash: "Cash", card: "Card", check: "Check", other: "Other" };

/** FLOWER program keys as their names; a key no longer offered shows as stored. */
export function flowerProgramLabels(keys: string[]) {
  return keys.map((key) => (Object.hasOwn(flowerPrograms, key) ? flowerPrograms[key as FlowerProgram] : key));
}

/** Where a household member stands, as the primary owner and staff read it. */
export const householdMemberStatusLabels: Record<HouseholdMemberStatus, string> = {
  name_only: "no email, no sign-in",
  invited: "invited, waiting for their answer",
  invitation_expired: "invitation expired: save the household to send it again",
  member: "member, signs in with their own email",
};
