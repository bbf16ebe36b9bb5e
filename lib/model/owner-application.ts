// The owner application's fixed lists and limits, apart from its zod schema
// (lib/validations/owners.ts): the steps of the form show them with the page, and the
// schema, with zod, loads only when a step is checked.

/** Household members an application may name besides the applicant. */
export const HOUSEHOLD_MAX = 6;

/**
 * Assistance programs whose participants may declare themselves eligible for the FLOWER
 * discount; staff verify at the store.
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
