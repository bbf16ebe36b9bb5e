import { formatCents, formatDay } from "@/lib/model/format";
import { equityStanding, type EquityPlan } from "@/lib/model/equity";

/** Paid, remaining and the next payment due, computed from the plan the owner signed up to. */
export function EquityStandingSummary({
  plan,
  joinedOn,
  payments,
  today,
}: {
  plan: EquityPlan | null;
  joinedOn: string;
  payments: { amountCents: number }[];
  today: string;
}) {
  if (!plan) {
    const paid = payments.reduce((sum, payment) => sum + payment.amountCents, 0);
    return <p className="mt-2">{formatCents(paid)} paid. The plan’s terms were not recorded.</p>;
  }
  const standing = equityStanding(
    plan,
    joinedOn,
    payments.map((payment) => payment.amountCents),
    today,
  );
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
      <dt className="font-semibold">Plan</dt>
      <dd>{plan.name}</dd>
      <dt className="font-semibold">Paid</dt>
      <dd className="tabular-nums">{formatCents(standing.paidCents)}</dd>
      <dt className="font-semibold">Remaining</dt>
      <dd className="tabular-nums">{formatCents(standing.remainingCents)}</dd>
      <dt className="font-semibold">Next due</dt>
      <dd>
        {standing.nextDue ? (
          <>
            {formatCents(standing.nextDue.amountCents)} on {formatDay(standing.nextDue.dueOn)}
            {standing.behind && <strong className="ml-2 text-red-800">(overdue)</strong>}
          </>
        ) : (
          "Fully paid"
        )}
      </dd>
    </dl>
  );
}
