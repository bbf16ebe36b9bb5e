import { formatCents } from "@/lib/model/format";
import { defaultEquityPlans, equitySchedule, equityStanding, type EquityPlan } from "@/lib/model/equity";

const [full, monthly] = defaultEquityPlans as [EquityPlan, EquityPlan];

describe("equitySchedule", () => {
  it("is one payment for a plan paid at once", () => {
    expect(equitySchedule(full, "2026-03-10")).toEqual([{ dueOn: "2026-03-10", amountCents: 10000 }]);
  });

  it("is $25 now and $15 on the same day of each following month until $100 is paid", () => {
    expect(equitySchedule(monthly, "2026-03-10")).toEqual([
      { dueOn: "2026-03-10", amountCents: 2500 },
      { dueOn: "2026-04-10", amountCents: 1500 },
      { dueOn: "2026-05-10", amountCents: 1500 },
      { dueOn: "2026-06-10", amountCents: 1500 },
      { dueOn: "2026-07-10", amountCents: 1500 },
      { dueOn: "2026-08-10", amountCents: 1500 },
    ]);
  });

  it("keeps the 31st as the last day of shorter months, and makes the last installment what is left", () => {
    const plan = { ...monthly, totalCents: 6000, installmentCents: 2000 };
    expect(equitySchedule(plan, "2026-01-31")).toEqual([
      { dueOn: "2026-01-31", amountCents: 2500 },
      { dueOn: "2026-02-28", amountCents: 2000 },
      { dueOn: "2026-03-31", amountCents: 1500 },
    ]);
  });

  it("always adds up to the plan's total", () => {
    for (const plan of [full, monthly, { ...monthly, installmentCents: 700, intervalMonths: 3 }]) {
      expect(equitySchedule(plan, "2026-06-15").reduce((sum, due) => sum + due.amountCents, 0)).toBe(plan.totalCents);
    }
  });
});

describe("equityStanding", () => {
  it("counts payments toward the schedule in order and names what is due next", () => {
    expect(equityStanding(monthly, "2026-03-10", [2500, 1500], "2026-04-20")).toEqual({
      paidCents: 4000,
      remainingCents: 6000,
      nextDue: { dueOn: "2026-05-10", amountCents: 1500 },
      behind: false,
    });
  });

  it("says an owner is behind when a due day has passed unpaid, and asks only for what is missing", () => {
    expect(equityStanding(monthly, "2026-03-10", [2500, 1000], "2026-04-20")).toMatchObject({
      nextDue: { dueOn: "2026-04-10", amountCents: 500 },
      behind: true,
    });
  });

  it("owes nothing once the total is paid, even in one payment ahead of schedule", () => {
    expect(equityStanding(monthly, "2026-03-10", [10000], "2026-03-10")).toEqual({ paidCents: 10000, remainingCents: 0, nextDue: null, behind: false });
  });
});

describe("formatCents", () => {
  it("shows dollars and cents", () => {
    expect(formatCents(123450)).toBe("$1,234.50");
  });
});
