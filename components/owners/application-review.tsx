"use client";

import { formatCents } from "@/lib/model/format";
import type { EquityPlan } from "@/lib/model/equity";
import { flowerPrograms, HOUSEHOLD_MAX, type FlowerProgram } from "@/lib/model/owners";
import { applicationSteps, type ApplicationValues } from "./application-steps";

type Row = { label: string; value: string };

function rowsOf(stepId: string, values: ApplicationValues, plans: EquityPlan[]): Row[] {
  const value = (name: string) => values[name]?.trim() || "—";
  switch (stepId) {
    case "you":
      return [
        { label: "Name", value: value("applicant.name") },
        { label: "Email", value: value("applicant.email") },
        { label: "Phone", value: value("applicant.phone") },
        {
          label: "Address",
          value: [values["applicant.streetAddress"], values["applicant.locality"], [values["applicant.region"], values["applicant.postalCode"]].filter(Boolean).join(" ")]
            .filter((part) => part?.trim())
            .join(", ") || "—",
        },
      ];
    case "household": {
      const members = Array.from({ length: HOUSEHOLD_MAX }, (_, index) => index)
        .map((index) => [values[`household.${index}.name`], values[`household.${index}.email`]].filter((part) => part?.trim()).join(", "))
        .filter(Boolean);
      return members.length ? members.map((member, index) => ({ label: `Member ${index + 1}`, value: member })) : [{ label: "Members", value: "Just me" }];
    }
    case "equity": {
      const plan = plans.find((candidate) => candidate.id === values.planId);
      return [{ label: "Plan", value: plan ? `${plan.name} (${formatCents(plan.totalCents)} in all)` : "—" }];
    }
    case "discounts": {
      const ticked = (Object.keys(flowerPrograms) as FlowerProgram[]).filter((key) => values[`flower.${key}`] === "on");
      return [{ label: "FLOWER", value: ticked.length ? ticked.map((key) => flowerPrograms[key]).join("; ") : "Not asked for" }];
    }
    case "agreement":
      return [
        { label: "Bylaws", value: values["agreement.bylaws"] === "on" ? "Agreed" : "Not yet agreed" },
        { label: "Keeping my details", value: values["agreement.dataUse"] === "on" ? "Agreed" : "Not yet agreed" },
        { label: "Signature", value: value("agreement.signature") },
        ...(values["agreement.note"]?.trim() ? [{ label: "Note", value: values["agreement.note"]! }] : []),
      ];
    default:
      return [];
  }
}

/** Everything entered, step by step, each with a way back to change it. */
export function ApplicationReview({ values, plans, goTo }: { values: ApplicationValues; plans: EquityPlan[]; goTo: (step: number) => void }) {
  return (
    <div className="space-y-6">
      <p className="max-w-prose">Check what you entered. Nothing is sent until you press “Send my application”.</p>
      {applicationSteps.slice(0, -1).map((step, index) => (
        <section key={step.id} aria-labelledby={`review-${step.id}`} className="rounded-md border border-leaf-100 bg-white p-4">
          <div className="flex items-baseline justify-between gap-4">
            <h3 id={`review-${step.id}`} className="text-lg font-bold text-leaf-900">
              {step.title}
            </h3>
            <button type="button" onClick={() => goTo(index)} className="font-semibold text-leaf-800 underline">
              Change <span className="sr-only">{step.title.toLowerCase()}</span>
            </button>
          </div>
          <dl className="mt-2 grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1">
            {rowsOf(step.id, values, plans).map((row) => (
              <div key={row.label} className="contents">
                <dt className="font-semibold">{row.label}</dt>
                <dd className="break-words">{row.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
