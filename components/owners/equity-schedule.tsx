"use client";

import { useSyncExternalStore } from "react";
import { formatCents, formatDay, storeDay } from "@/lib/model/format";
import { equitySchedule, type EquityPlan } from "@/lib/model/equity";

const noSubscription = () => () => {};

/** Today in the store's calendar, once in the browser; null while prerendered (the page is built once, not daily). */
export function useStoreToday() {
  return useSyncExternalStore(noSubscription, storeDay, () => null);
}

function relativeDay(index: number, intervalMonths: number) {
  if (index === 0) return "When you join";
  const months = index * intervalMonths;
  return `${months} month${months === 1 ? "" : "s"} after joining`;
}

/** Every payment of a plan with its date and amount, as if the person joined today. */
export function EquitySchedule({ plan }: { plan: EquityPlan }) {
  const today = useStoreToday();
  const schedule = equitySchedule(plan, today ?? storeDay(new Date(0)));
  return (
    <table className="mt-2 w-full max-w-md text-sm">
      <caption className="text-left text-muted">{today ? "If you are approved today:" : "Counted from the day you join:"}</caption>
      <thead>
        <tr>
          <th scope="col" className="py-1 pr-4 text-left">
            Payment
          </th>
          <th scope="col" className="py-1 pr-4 text-left">
            Due
          </th>
          <th scope="col" className="py-1 text-right">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {schedule.map((due, index) => (
          <tr key={index} className="border-t border-leaf-100">
            <td className="py-1 pr-4">{index + 1}</td>
            <td className="py-1 pr-4">{today ? formatDay(due.dueOn) : relativeDay(index, plan.intervalMonths)}</td>
            <td className="py-1 text-right tabular-nums">{formatCents(due.amountCents)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t-2 border-leaf-700 font-semibold">
          <td className="py-1" colSpan={2}>
            Total
          </td>
          <td className="py-1 text-right tabular-nums">{formatCents(plan.totalCents)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
