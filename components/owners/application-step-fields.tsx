"use client";

import Link from "next/link";
import { useState } from "react";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { RadioGroup } from "@/components/ui/radio-group";
import type { EquityPlan } from "@/lib/model/equity";
import { flowerPrograms, HOUSEHOLD_MAX, type FlowerProgram } from "@/lib/model/owners";
import type { ApplicationValues } from "./application-steps";
import { EquitySchedule, useStoreToday } from "./equity-schedule";
import { formatDay } from "@/lib/model/format";

export type StepFieldsProps = {
  values: ApplicationValues;
  setValue: (name: string, value: string | undefined) => void;
  errors: Record<string, string[] | undefined>;
  /** False while prerendered and without JavaScript: every row and option is shown at once. */
  enhanced: boolean;
};

/** Props for a controlled text field bound to one dotted form name. */
function bind({ values, setValue, errors }: StepFieldsProps, name: string) {
  return { name, value: values[name] ?? "", onChange: (event: { target: { value: string } }) => setValue(name, event.target.value), errors: errors[name] };
}

function tick({ values, setValue, errors }: StepFieldsProps, name: string) {
  return { name, checked: values[name] === "on", onChange: (event: React.ChangeEvent<HTMLInputElement>) => setValue(name, event.target.checked ? "on" : undefined), errors: errors[name] };
}

export function YouFields(props: StepFieldsProps) {
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field label="Full name" autoComplete="name" required maxLength={120} className="sm:col-span-2" {...bind(props, "applicant.name")} />
      <Field label="Email" type="email" autoComplete="email" required maxLength={254} hint="We write to you here, and you sign in with it." {...bind(props, "applicant.email")} />
      <Field label="Phone" type="tel" autoComplete="tel" required maxLength={30} hint="With area code, e.g. 585-555-0134." {...bind(props, "applicant.phone")} />
      <Field label="Street address" autoComplete="address-line1" required maxLength={120} className="sm:col-span-2" {...bind(props, "applicant.streetAddress")} />
      <Field label="City" autoComplete="address-level2" required maxLength={80} {...bind(props, "applicant.locality")} />
      <div className="grid grid-cols-2 gap-5">
        <Field label="State" autoComplete="address-level1" required maxLength={40} {...bind(props, "applicant.region")} />
        <Field label="ZIP code" autoComplete="postal-code" inputMode="numeric" required maxLength={10} {...bind(props, "applicant.postalCode")} />
      </div>
    </div>
  );
}

const filledRows = (values: ApplicationValues) =>
  Array.from({ length: HOUSEHOLD_MAX }, (_, index) => index).filter((index) => values[`household.${index}.name`] || values[`household.${index}.email`]);

export function HouseholdFields(props: StepFieldsProps) {
  const filled = filledRows(props.values);
  const [extraRows, setExtraRows] = useState(0);
  const shown = props.enhanced ? Math.min(HOUSEHOLD_MAX, Math.max(1, (filled.at(-1) ?? -1) + 1 + extraRows)) : HOUSEHOLD_MAX;
  const removeRow = (index: number) => {
    for (let row = index; row < HOUSEHOLD_MAX; row++) {
      for (const field of ["name", "email"]) props.setValue(`household.${row}.${field}`, props.values[`household.${row + 1}.${field}`]);
    }
    setExtraRows(0);
  };
  return (
    <div className="space-y-4">
      <p className="max-w-prose">
        One ownership covers everyone who lives with you and shares your groceries. Name up to {HOUSEHOLD_MAX} people besides you, or
        nobody. Anyone you give an email for can sign in to see the ownership too.
      </p>
      {props.errors.household && (
        <p className="font-semibold text-red-800" role="alert">
          {props.errors.household.join(" ")}
        </p>
      )}
      {Array.from({ length: shown }, (_, index) => (
        <fieldset key={index} className="grid gap-4 rounded-md border border-leaf-100 bg-white p-4 sm:grid-cols-2">
          <legend className="px-1 font-semibold">Household member {index + 1}</legend>
          <Field label="Name" maxLength={120} autoComplete="off" {...bind(props, `household.${index}.name`)} />
          <Field label="Email (optional)" type="email" maxLength={254} autoComplete="off" {...bind(props, `household.${index}.email`)} />
          {props.enhanced && filled.includes(index) && (
            <button type="button" onClick={() => removeRow(index)} className="justify-self-start text-sm font-semibold text-leaf-800 underline">
              Remove household member {index + 1}
            </button>
          )}
        </fieldset>
      ))}
      {props.enhanced && shown < HOUSEHOLD_MAX && (
        <button type="button" onClick={() => setExtraRows(extraRows + 1)} className="rounded-md border border-leaf-800 bg-white px-4 py-2 font-semibold text-leaf-800">
          Add another household member
        </button>
      )}
    </div>
  );
}

export function EquityFields(props: StepFieldsProps & { plans: EquityPlan[] }) {
  return (
    <div className="space-y-4">
      <p className="max-w-prose">
        Equity is your household’s share in the store: paid once, it stays yours, and it can be refunded if you leave. Choose how to pay
        it. Each plan shows every payment before you commit.
      </p>
      <RadioGroup
        legend="How would you like to pay your equity?"
        name="planId"
        required
        value={props.values.planId ?? ""}
        onChange={(value) => props.setValue("planId", value)}
        errors={props.errors.planId}
        options={props.plans.map((plan) => ({ value: plan.id, label: plan.name, description: <EquitySchedule plan={plan} /> }))}
      />
    </div>
  );
}

export function DiscountFields(props: StepFieldsProps) {
  return (
    <div className="space-y-4">
      <p className="max-w-prose">
        The FLOWER program takes 10% off what owner households with limited incomes buy. If anyone in your household takes part in one of
        these programs, tick it; bring proof to the store once and staff confirm it there. <Link href="/about/flower-program">Read about FLOWER</Link>.
      </p>
      <fieldset>
        <legend className="font-semibold">Programs your household takes part in (optional)</legend>
        <div className="mt-2 space-y-2">
          {(Object.entries(flowerPrograms) as [FlowerProgram, string][]).map(([key, label]) => (
            <CheckboxField key={key} label={label} {...tick(props, `flower.${key}`)} />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function AgreementFields(props: StepFieldsProps) {
  const today = useStoreToday();
  return (
    <div className="space-y-5">
      <CheckboxField
        label={
          <>
            I have read <Link href="/about/bylaws">the bylaws in short</Link> and agree to them as an owner.
          </>
        }
        required
        {...tick(props, "agreement.bylaws")}
      />
      <CheckboxField
        label="The co-op may keep the details on this form to run my ownership: to record my equity, count my vote and write to me. Staff see them; nobody else does."
        required
        {...tick(props, "agreement.dataUse")}
      />
      <Field
        label="Signature: type your full name"
        hint={`Typing your name here signs this application${today ? `, today, ${formatDay(today)}` : " on the day you send it"}.`}
        required
        maxLength={120}
        autoComplete="name"
        {...bind(props, "agreement.signature")}
      />
      <Field label="Anything we should know? (optional)" multiline rows={3} maxLength={1000} {...bind(props, "agreement.note")} />
    </div>
  );
}
