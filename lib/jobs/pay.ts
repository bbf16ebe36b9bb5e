import { formatCents } from "@/lib/model/format";
import { payUnitLabels, type PayUnit } from "@/lib/model/jobs";

type Pay = { payMinCents: number; payMaxCents: number | null; payUnit: PayUnit };

/** A yearly salary reads in whole dollars ("$42,000"); an hourly rate keeps its cents ("$16.50"). */
function amount(cents: number, unit: PayUnit) {
  return unit === "year" && cents % 100 === 0 ? formatCents(cents).replace(/\.00$/, "") : formatCents(cents);
}

/** A posting's pay as people read it: "$16.00–$18.00 an hour", "$17.50 an hour", "$42,000 a year". */
export function formatPay({ payMinCents, payMaxCents, payUnit }: Pay) {
  const range =
    payMaxCents === null || payMaxCents === payMinCents
      ? amount(payMinCents, payUnit)
      : `${amount(payMinCents, payUnit)}–${amount(payMaxCents, payUnit)}`;
  return `${range} ${payUnitLabels[payUnit]}`;
}
