import { addMonths, formatISO, parseISO } from "date-fns";

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
