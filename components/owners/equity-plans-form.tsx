"use client";

import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { saveEquityPlansAction } from "@/lib/actions/owner-settings";
import { describeEquitySchedule, EQUITY_INSTALLMENTS_MAX, installmentCount, type EquityPlan } from "@/lib/model/equity";
import { centsFromDollars, dollarsFromCents } from "@/lib/validations/fields";
import { EQUITY_PLANS_MAX } from "@/lib/validations/owner-settings";

const fields = ["id", "name", "total", "firstPayment", "installment", "intervalMonths"] as const;
type Row = Record<(typeof fields)[number], string>;

const blankRow: Row = { id: "", name: "", total: "", firstPayment: "", installment: "", intervalMonths: "" };

const rowOf = (plan: EquityPlan): Row => ({
  id: plan.id,
  name: plan.name,
  total: dollarsFromCents(plan.totalCents),
  firstPayment: dollarsFromCents(plan.firstPaymentCents),
  installment: dollarsFromCents(plan.installmentCents),
  intervalMonths: String(plan.intervalMonths),
});

/** What the typed amounts mean, as the owner will pay them; or what is missing to tell. */
function scheduleReadOut(row: Row) {
  const totalCents = centsFromDollars(row.total);
  const firstPaymentCents = centsFromDollars(row.firstPayment);
  const installmentCents = row.installment.trim() === "" ? 0 : centsFromDollars(row.installment);
  const intervalMonths = row.intervalMonths.trim() === "" ? 1 : Number(row.intervalMonths);
  if (!totalCents || !firstPaymentCents) return "Give the total and the first payment in dollars to see the schedule.";
  if (installmentCents === null) return "Give the installment in dollars and cents to see the schedule.";
  if (firstPaymentCents > totalCents) return "The first payment is more than the total.";
  if (firstPaymentCents < totalCents && installmentCents === 0) return "Give an installment to see how the rest is paid.";
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1 || intervalMonths > 12) return "Installments come every 1 to 12 months.";
  const plan = { id: row.id, name: row.name, totalCents, firstPaymentCents, installmentCents, intervalMonths };
  if (installmentCount(plan) > EQUITY_INSTALLMENTS_MAX) return `That is more than ${EQUITY_INSTALLMENTS_MAX} installments; raise the installment.`;
  return describeEquitySchedule(plan);
}

function PlanRow({ index, initial, isNew, errors }: { index: number; initial: Row; isNew: boolean; errors: Record<string, string[] | undefined> }) {
  const [row, setRow] = useState(initial);
  const field = (name: keyof Row, label: string, extra: Partial<React.ComponentProps<typeof Field>> = {}) => (
    <Field
      label={label}
      name={`plans.${index}.${name}`}
      defaultValue={initial[name]}
      errors={errors[`plans.${index}.${name}`]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setRow((current) => ({ ...current, [name]: value }));
      }}
      {...extra}
    />
  );
  const blank = Object.values(row).every((value) => value.trim() === "");
  return (
    <fieldset className="rounded-lg border border-leaf-100 bg-white p-4">
      <legend className="px-1 font-semibold">{isNew ? "Add a plan" : `Plan ${index + 1}`}</legend>
      {isNew && <p className="mb-3 text-sm text-muted">Fill in this row to offer another plan; left blank, it adds none.</p>}
      <div className="grid gap-3 md:grid-cols-[1fr_2fr]">
        {field("id", "Id", { maxLength: 40, hint: "e.g. monthly" })}
        {field("name", "Name applicants see", { maxLength: 80, hint: "e.g. $25 now, then $15 a month" })}
      </div>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 md:grid-cols-4">
        {field("total", "Total equity ($)", { inputMode: "decimal", maxLength: 20, hint: "e.g. 100.00" })}
        {field("firstPayment", "First payment ($)", { inputMode: "decimal", maxLength: 20, hint: "Paid at joining" })}
        {field("installment", "Installment ($)", { inputMode: "decimal", maxLength: 20, hint: "0 if paid at joining" })}
        {field("intervalMonths", "Months between installments", { inputMode: "numeric", maxLength: 4, hint: "1 to 12" })}
      </div>
      {!blank && <p className="mt-3 text-sm">{scheduleReadOut(row)}</p>}
    </fieldset>
  );
}

/** The plans rows, as last submitted when a save was refused (at the same positions, so errors line up), else as stored plus one spare. */
function rowsToShow(plans: EquityPlan[], values: Record<string, string> | undefined) {
  const rows = plans.map(rowOf);
  if (rows.length < EQUITY_PLANS_MAX) rows.push({ ...blankRow });
  if (!values) return rows;
  const posted: Row[] = [];
  for (const [name, value] of Object.entries(values)) {
    const match = /^plans\.(\d+)\.(\w+)$/.exec(name);
    const index = Number(match?.[1]);
    if (!match || index > EQUITY_PLANS_MAX || !(fields as readonly string[]).includes(match[2]!)) continue;
    posted[index] ??= { ...blankRow };
    posted[index][match[2] as keyof Row] = value;
  }
  return Array.from({ length: Math.max(rows.length, posted.length) }, (_, index) => posted[index] ?? { ...blankRow });
}

/** Admins: the equity plans offered to new applicants, one row per plan and a spare row to add one. */
export function EquityPlansForm({ action, plans }: { action: typeof saveEquityPlansAction; plans: EquityPlan[] }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const errors = failed?.fieldErrors ?? {};
  const formKey = useFormKey(result);
  const rows = rowsToShow(plans, failed?.values);
  return (
    <form key={formKey} action={formAction} className="mt-4 max-w-3xl space-y-4">
      <FormMessage result={result} />
      {errors.plans && <p className="font-semibold text-red-800">{errors.plans.join(" ")}</p>}
      {rows.map((row, index) => (
        <PlanRow key={index} index={index} initial={row} isNew={index >= plans.length} errors={errors} />
      ))}
      <SubmitButton pendingLabel="Saving…">Save plans</SubmitButton>
    </form>
  );
}
