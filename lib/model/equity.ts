import { addMonths, formatISO, parseISO } from "date-fns";
import { formatCents } from "./format";

/**
 * An equity plan as admins configure it in Settings: a first payment when the person
 * joins, then equal installments every `intervalMonths` until the total is paid (the last
 * one may be smaller). Amounts are integer cents.
 */
export type EquityPlan = {
  id: string;
  name: string;
  totalCents: number;
  firstPaymentCents: number;
  installmentCents: number;
  intervalMonths: number;
};

/** How an equity payment was made at the register. */
export const equityPaymentMethods = ["cash", "card", "check", "other"] as const;
export type EquityPaymentMethod = (typeof equityPaymentMethods)[number];

/** The plans a new portal offers until an admin changes them. */
export const defaultEquityPlans: EquityPlan[] = [
  { id: "full", name: "$100 at once", totalCents: 100_00, firstPaymentCents: 100_00, installmentCents: 0, intervalMonths: 1 },
  { id: "monthly", name: "$25 now, then $15 a month", totalCents: 100_00, firstPaymentCents: 25_00, installmentCents: 15_00, intervalMonths: 1 },
];

export type EquityDue = { dueOn: string; amountCents: number };

/** Every payment of a plan started on `startDay` (YYYY-MM-DD), with its due day; months keep the start's day, clamped to short months. */
export function equitySchedule(plan: EquityPlan, startDay: string): EquityDue[] {
  const start = parseISO(startDay);
  const schedule: EquityDue[] = [{ dueOn: startDay, amountCents: Math.min(plan.firstPaymentCents, plan.totalCents) }];
  let scheduled = schedule[0]!.amountCents;
  for (let step = 1; scheduled < plan.totalCents && plan.installmentCents > 0; step++) {
    const amountCents = Math.min(plan.installmentCents, plan.totalCents - scheduled);
    schedule.push({ dueOn: formatISO(addMonths(start, step * plan.intervalMonths), { representation: "date" }), amountCents });
    scheduled += amountCents;
  }
  return schedule;
}

/** The most installments after the first payment a plan may have; owners' pages list the whole schedule. */
export const EQUITY_INSTALLMENTS_MAX = 120;

/** How many payments follow the first one, counted without building the schedule. */
export function installmentCount(plan: Pick<EquityPlan, "totalCents" | "firstPaymentCents" | "installmentCents">) {
  const rest = Math.max(0, plan.totalCents - plan.firstPaymentCents);
  return rest > 0 && plan.installmentCents > 0 ? Math.ceil(rest / plan.installmentCents) : 0;
}

/** A plan's schedule in words, e.g. "$25.00 at joining, then 5 payments of $15.00 every month: $100.00 in all". */
export function describeEquitySchedule(plan: EquityPlan) {
  // Any start day gives the same amounts; only the due days depend on it.
  const [first, ...rest] = equitySchedule(plan, "2000-01-31");
  const atJoining = `${formatCents(first!.amountCents)} at joining`;
  const inAll = `${formatCents(plan.totalCents)} in all`;
  const months = plan.intervalMonths === 1 ? "month" : `${plan.intervalMonths} months`;
  if (rest.length === 0) return `${atJoining}, paid in full`;
  if (rest.length === 1) return `${atJoining}, then ${formatCents(rest[0]!.amountCents)} ${plan.intervalMonths === 1 ? "a month" : months} later: ${inAll}`;
  const last = rest.at(-1)!.amountCents;
  const equal = last === plan.installmentCents ? rest.length : rest.length - 1;
  const payments = `${equal} ${equal === 1 ? "payment" : "payments"} of ${formatCents(plan.installmentCents)}`;
  const then = equal === rest.length ? payments : `${payments} and a last one of ${formatCents(last)}`;
  return `${atJoining}, then ${then} every ${months}: ${inAll}`;
}

export type EquityStanding = {
  paidCents: number;
  remainingCents: number;
  /** The next payment still owed, less what was paid ahead; null once the total is paid. */
  nextDue: EquityDue | null;
  /** Whether a payment due on or before `today` is still unpaid. */
  behind: boolean;
};

/** Where an owner stands: payments count toward the schedule in order, whatever day they were made. */
export function equityStanding(plan: EquityPlan, startDay: string, paymentsCents: number[], today: string): EquityStanding {
  const paidCents = paymentsCents.reduce((sum, cents) => sum + cents, 0);
  let cumulative = 0;
  let nextDue: EquityDue | null = null;
  for (const due of equitySchedule(plan, startDay)) {
    cumulative += due.amountCents;
    if (cumulative > paidCents) {
      nextDue = { dueOn: due.dueOn, amountCents: cumulative - paidCents };
      break;
    }
  }
  return {
    paidCents,
    remainingCents: Math.max(0, plan.totalCents - paidCents),
    nextDue,
    behind: nextDue !== null && nextDue.dueOn <= today,
  };
}
