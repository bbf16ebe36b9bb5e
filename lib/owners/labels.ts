import type { OwnerApplicationStatus } from "@/db/schema/owners";
import type { EquityPaymentMethod } from "./equity";
import { flowerPrograms, type FlowerProgram } from "@/lib/validations/owners";

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
