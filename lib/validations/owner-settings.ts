import "./zod-config";
import { z } from "zod";
import { EQUITY_INSTALLMENTS_MAX, installmentCount, type EquityPlan } from "@/lib/model/equity";
import { blankable, dollars, groupedWholeNumber, line, text } from "./fields";
import { isBlankRow, nestFormFields } from "./form-fields";

/** The most plans offered at once. */
export const EQUITY_PLANS_MAX = 6;

const cents = (label: string) =>
  z
    .number({ error: `${label}: give an amount in cents.` })
    .int({ error: `${label}: whole cents only.` })
    .min(0)
    .max(100_000_00, { error: `${label}: at most $100,000.00.` });

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
  .max(EQUITY_PLANS_MAX, { error: `At most ${EQUITY_PLANS_MAX} plans.` })
  .refine((plans) => new Set(plans.map((plan) => plan.id)).size === plans.length, { error: "Each plan needs its own id." });

/** Blank is every month (it matters only when there are installments). */
const months = blankable(4).transform((value, ctx) => {
  if (value === "") return 1;
  if (!/^\d{1,2}$/.test(value)) {
    ctx.addIssue({ code: "custom", message: "From 1 to 12 months." });
    return z.NEVER;
  }
  return Number(value);
});

/** One row as posted, its amounts in dollars; field names are the form's. */
const planRowSchema = z.object({
  id: text(40),
  name: text(80),
  total: dollars(),
  firstPayment: dollars(),
  // Left blank, there are no installments: the plan is paid at joining.
  installment: dollars(0),
  intervalMonths: months,
});

type PlanRow = z.output<typeof planRowSchema>;

const planOf = (row: PlanRow): EquityPlan => ({
  id: row.id,
  name: row.name,
  totalCents: row.total,
  firstPaymentCents: row.firstPayment,
  installmentCents: row.installment,
  intervalMonths: row.intervalMonths,
});

/** The form's field name for each EquityPlan field whose name differs. */
const postedFieldOf: Partial<Record<keyof EquityPlan, keyof PlanRow>> = {
  totalCents: "total",
  firstPaymentCents: "firstPayment",
  installmentCents: "installment",
};

/**
 * The equity plans form: rows `plans.N.id`, `plans.N.name`, `plans.N.total` (dollars),
 * `plans.N.firstPayment`, `plans.N.installment`, `plans.N.intervalMonths`, blank rows
 * dropped, then checked as `equityPlansSchema` checks stored plans. Errors are keyed by
 * the posted names (`plans.2.total`), so a spare row left blank above a filled one does
 * not shift an error onto the wrong row.
 */
export const equityPlansFormSchema = z
  .preprocess(
    (value) => {
      // Index N is the (N+1)th row: one row past the limit reaches equityPlansSchema's max and is refused, not dropped.
      const { plans } = nestFormFields(value as Record<string, unknown>, { maxIndex: EQUITY_PLANS_MAX });
      // Array.from visits holes (`plans.0` and `plans.2` posted without `plans.1`), which map() skips.
      return { plans: Array.isArray(plans) ? Array.from(plans, (row) => (isBlankRow(row) ? null : row)) : (plans ?? []) };
    },
    z.object({ plans: z.array(planRowSchema.nullable()) }),
  )
  .transform(({ plans: rows }, ctx): EquityPlan[] => {
    const posted = rows.flatMap((row, index) => (row ? [{ index, plan: planOf(row) }] : []));
    // Checked here, not in equityPlanSchema: a stored plan that failed it would fall back to the defaults.
    const tooLong = posted.filter(({ plan }) => installmentCount(plan) > EQUITY_INSTALLMENTS_MAX);
    for (const { index } of tooLong) {
      ctx.addIssue({ code: "custom", message: `That makes more than ${EQUITY_INSTALLMENTS_MAX} installments; raise the installment.`, path: ["plans", index, "installment"] });
    }
    const parsed = equityPlansSchema.safeParse(posted.map(({ plan }) => plan));
    if (parsed.success) return tooLong.length === 0 ? parsed.data : z.NEVER;

    const repeated = posted.filter(({ plan }, position) => posted.findIndex((other) => other.plan.id === plan.id) < position);
    for (const { index } of repeated) ctx.addIssue({ code: "custom", message: "Another plan above uses this id; give each plan its own.", path: ["plans", index, "id"] });
    for (const issue of parsed.error.issues) {
      const [position, field] = issue.path as [number | undefined, keyof EquityPlan | undefined];
      if (position === undefined) {
        // The list's one custom check is the unique ids, already told at each repeated id.
        if (!(issue.code === "custom" && repeated.length > 0)) ctx.addIssue({ code: "custom", message: issue.message, path: ["plans"] });
        continue;
      }
      const name = field === undefined ? [] : [postedFieldOf[field] ?? field];
      ctx.addIssue({ code: "custom", message: issue.message, path: ["plans", posted[position]!.index, ...name] });
    }
    return z.NEVER;
  });

/** The number the next approved application gets. */
export const nextOwnerNumberSchema = z.object({
  nextOwnerNumber: text(12).transform((value, ctx) => {
    const number = groupedWholeNumber.test(value) ? Number(value.replaceAll(",", "")) : 0;
    if (number < 1 || number > 9_999_999) {
      ctx.addIssue({ code: "custom", message: "Give a whole number from 1 to 9,999,999." });
      return z.NEVER;
    }
    return number;
  }),
});
