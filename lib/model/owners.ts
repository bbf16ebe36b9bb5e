// The owners feature's fixed vocabularies. Pure: the schema and the staff pages use these;
// the equity arithmetic is beside it in equity.ts.

/** An application to become an owner: submitted online, then approved or declined by staff. */
export const ownerApplicationStatuses = ["submitted", "approved", "declined"] as const;
export type OwnerApplicationStatus = (typeof ownerApplicationStatuses)[number];

export const ownerStatuses = ["active", "inactive"] as const;

/** Household members an application may name besides the applicant. */
export const HOUSEHOLD_MAX = 6;

/**
 * Assistance programs whose participants may declare themselves eligible for the FLOWER
 * discount; staff verify at the store. Apart from the application's zod schema
 * (lib/validations/owners.ts), so that the form's steps show them without loading zod.
 */
export const flowerPrograms = {
  snap: "SNAP (food stamps)",
  wic: "WIC",
  medicaid: "Medicaid",
  ssi: "Supplemental Security Income (SSI)",
  heap: "Home Energy Assistance (HEAP)",
  housing: "Public or subsidised housing",
} as const;
export type FlowerProgram = keyof typeof flowerPrograms;
