import { z } from "zod";
import { checkbox, line, optionalText } from "./fields";
import { nestFormFields, withoutBlankRows } from "./form-fields";

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
const flowerProgramKeys = Object.keys(flowerPrograms) as FlowerProgram[];

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: "At most 254 characters." })
  .pipe(z.email({ error: "Enter an email address like name@example.com." }));

const phone = line(30)
  .regex(/^[0-9+().\-\s]+$/, { error: "Use digits, spaces and + ( ) - only.", abort: true })
  .refine((value) => value.replace(/\D/g, "").length >= 10, { error: "Give the full number with area code." });

const personName = line(120);

export const applicantSchema = z.object({
  name: personName,
  email,
  phone,
  streetAddress: line(120),
  locality: line(80),
  region: line(40),
  postalCode: line(10).regex(/^\d{5}(-\d{4})?$/, { error: "Use a ZIP code like 14607 or 14607-1234." }),
});

export const householdMemberSchema = z.object({
  name: personName,
  email: z.preprocess((value) => (value === "" ? undefined : value), email.optional()),
});

const required = (message: string) => checkbox.refine((ticked) => ticked, { error: message });

/**
 * The online owner application, shared by the form in the browser and the server. Plans
 * are whatever admins configure, so the schema is made for the current plan ids.
 */
export function ownerApplicationSchema(planIds: readonly string[]) {
  return z.object({
    applicant: applicantSchema,
    household: z.preprocess(
      (value) => withoutBlankRows(value ?? []),
      z.array(householdMemberSchema).max(HOUSEHOLD_MAX, { error: `At most ${HOUSEHOLD_MAX} household members besides you.` }),
    ),
    planId: z.string({ error: "Choose how to pay your equity." }).refine((id) => planIds.includes(id), { error: "Choose one of the plans offered." }),
    flower: z
      .object(Object.fromEntries(flowerProgramKeys.map((key) => [key, checkbox])) as Record<FlowerProgram, typeof checkbox>)
      .partial()
      .transform((ticked) => flowerProgramKeys.filter((key) => ticked[key])),
    agreement: z.object({
      bylaws: required("Tick this box to agree to the bylaws."),
      dataUse: required("Tick this box to let us keep these details for your ownership."),
      signature: line(120),
      note: optionalText(1000),
    }),
  });
}

export type OwnerApplicationInput = z.output<ReturnType<typeof ownerApplicationSchema>>;

/**
 * The form as posted: dotted names (`applicant.email`, `household.2.name`,
 * `flower.snap`) nested first. One row past the limit is kept so that the schema, not the
 * nesting, tells the person they named too many.
 */
export function ownerApplicationFormSchema(planIds: readonly string[]) {
  return z.preprocess(
    (value) => nestFormFields(value as Record<string, unknown>, { maxIndex: HOUSEHOLD_MAX }),
    ownerApplicationSchema(planIds),
  );
}
