import { z } from "zod";
import { line } from "./fields";

const cents = (label: string) =>
  z.number({ error: `${label}: give an amount in cents.` }).int({ error: `${label}: whole cents only.` }).min(0).max(100_000_00);

/** One equity plan as admins set it in Settings; amounts in integer cents. */
export const equityPlanSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "Use lowercase letters, digits and hyphens, e.g. monthly." })
      .max(40),
    name: line(80),
    totalCents: cents("Total").min(1, { error: "The total must be more than $0." }),
    firstPaymentCents: cents("First payment").min(1, { error: "The first payment must be more than $0." }),
    installmentCents: cents("Installment"),
    intervalMonths: z.number().int().min(1, { error: "From 1 to 12 months." }).max(12, { error: "From 1 to 12 months." }),
  })
  .refine((plan) => plan.firstPaymentCents <= plan.totalCents, { error: "The first payment cannot be more than the total.", path: ["firstPaymentCents"] })
  .refine((plan) => plan.firstPaymentCents === plan.totalCents || plan.installmentCents > 0, {
    error: "Give an installment, or make the first payment the whole total.",
    path: ["installmentCents"],
  });

/** The plans offered to applicants: one to six, each id used once. */
export const equityPlansSchema = z
  .array(equityPlanSchema)
  .min(1, { error: "Offer at least one plan." })
  .max(6, { error: "At most 6 plans." })
  .refine((plans) => new Set(plans.map((plan) => plan.id)).size === plans.length, { error: "Each plan needs its own id." });
