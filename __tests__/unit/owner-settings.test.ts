import { describeEquitySchedule, defaultEquityPlans, type EquityPlan } from "@/lib/model/equity";
import { centsFromDollars, dollarsFromCents } from "@/lib/validations/fields";
import { equityPlansFormSchema, nextOwnerNumberSchema } from "@/lib/validations/owner-settings";

/** The form as the settings page posts it: the two default plans, then the spare row left blank. */
const valid: Record<string, string> = {
  "plans.0.id": "full",
  "plans.0.name": "$100 at once",
  "plans.0.total": "100",
  "plans.0.firstPayment": "100.00",
  "plans.0.installment": "0",
  "plans.0.intervalMonths": "1",
  "plans.1.id": "monthly",
  "plans.1.name": "$25 now, then $15 a month",
  "plans.1.total": "100.00",
  "plans.1.firstPayment": "25",
  "plans.1.installment": "15.00",
  "plans.1.intervalMonths": "1",
  "plans.2.id": "",
  "plans.2.name": "",
  "plans.2.total": "",
  "plans.2.firstPayment": "",
  "plans.2.installment": "",
  "plans.2.intervalMonths": "",
};

/** Every error of a submission, keyed by dotted path as the form names its fields. */
function errorsOf(fields: Record<string, string>) {
  const result = equityPlansFormSchema.safeParse(fields);
  const errors: Record<string, string[]> = {};
  if (!result.success) for (const issue of result.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

const row = (index: number, plan: { id: string; name: string; total: string; firstPayment: string; installment?: string; intervalMonths?: string }) =>
  Object.fromEntries(Object.entries(plan).map(([field, value]) => [`plans.${index}.${field}`, value]));

describe("dollars typed into the form", () => {
  it.each([
    ["100", 10000],
    ["25.50", 2550],
    ["25.5", 2550],
    ["0.29", 29],
    ["1.10", 110],
    ["$1,025.07", 102507],
    [" 15 ", 1500],
    ["0", 0],
  ])("reads %j as %i cents, exactly", (input, cents) => {
    expect(centsFromDollars(input)).toBe(cents);
  });

  it.each(["12.345", "abc", "", "1e3", "-5", "25.", ".50", "1,00", "12.3.4", "0x10", "25,50", "1234567890"])("refuses %j", (input) => {
    expect(centsFromDollars(input)).toBeNull();
  });

  it("shows cents back as dollars and cents", () => {
    expect([0, 5, 2550, 10000, 102507].map(dollarsFromCents)).toEqual(["0.00", "0.05", "25.50", "100.00", "1025.07"]);
  });
});

describe("the equity plans form", () => {
  it("accepts the plans as integer cents and drops the blank spare row", () => {
    expect(equityPlansFormSchema.parse(valid)).toEqual(defaultEquityPlans);
  });

  it("takes a blank installment as none and a blank interval as every month", () => {
    const plans = equityPlansFormSchema.parse({ ...row(0, { id: "once", name: "All at once", total: "50", firstPayment: "50", installment: "", intervalMonths: "" }) });
    expect(plans).toEqual([{ id: "once", name: "All at once", totalCents: 5000, firstPaymentCents: 5000, installmentCents: 0, intervalMonths: 1 }]);
  });

  it("adds a plan typed into the spare row", () => {
    const plans = equityPlansFormSchema.parse({ ...valid, ...row(2, { id: "quarterly", name: "Quarterly", total: "100", firstPayment: "10", installment: "22.50", intervalMonths: "3" }) });
    expect(plans.map((plan) => plan.id)).toEqual(["full", "monthly", "quarterly"]);
    expect(plans[2]).toMatchObject({ totalCents: 10000, firstPaymentCents: 1000, installmentCents: 2250, intervalMonths: 3 });
  });

  it.each([
    ["12.345", "plans.1.total"],
    ["abc", "plans.1.total"],
  ])("refuses %j dollars at the field it was typed in", (input, field) => {
    expect(errorsOf({ ...valid, "plans.1.total": input })).toEqual({ [field]: ["Use dollars and cents, e.g. 25.00"] });
  });

  it("asks for a missing total or first payment in a row that is not blank", () => {
    expect(errorsOf({ ...valid, "plans.1.total": "", "plans.1.firstPayment": " " })).toEqual({
      "plans.1.total": ["Required."],
      "plans.1.firstPayment": ["Required."],
    });
  });

  it("keys errors by the posted field names, not by the cents fields checked behind them", () => {
    expect(errorsOf({ ...valid, "plans.1.firstPayment": "125" })).toEqual({ "plans.1.firstPayment": ["The first payment cannot be more than the total."] });
    expect(errorsOf({ ...valid, "plans.1.installment": "0" })).toEqual({ "plans.1.installment": ["Give an installment, or make the first payment the whole total."] });
    expect(errorsOf({ ...valid, "plans.0.total": "0", "plans.0.firstPayment": "0" })).toEqual({
      "plans.0.total": ["The total must be more than $0."],
      "plans.0.firstPayment": ["The first payment must be more than $0."],
    });
    expect(errorsOf({ ...valid, "plans.1.intervalMonths": "13", "plans.1.id": "Monthly Plan", "plans.1.name": "" })).toEqual({
      "plans.1.intervalMonths": ["From 1 to 12 months."],
      "plans.1.id": ["Use lowercase letters, digits and hyphens, e.g. monthly."],
      "plans.1.name": ["Required."],
    });
  });

  it("keeps an error on its row when a blank row above it was dropped", () => {
    const fields = { ...valid, ...row(1, { id: "", name: "", total: "", firstPayment: "", installment: "", intervalMonths: "" }) };
    Object.assign(fields, row(2, { id: "late", name: "Late", total: "100", firstPayment: "150", installment: "10" }));
    expect(errorsOf(fields)).toEqual({ "plans.2.firstPayment": ["The first payment cannot be more than the total."] });
  });

  it("tells a repeated id at the row that repeats it", () => {
    const fields = { ...valid, ...row(2, { id: "monthly", name: "Monthly again", total: "100", firstPayment: "20", installment: "20" }) };
    expect(errorsOf(fields)).toEqual({ "plans.2.id": ["Another plan above uses this id; give each plan its own."] });
  });

  it("needs at least one plan", () => {
    const blank = Object.fromEntries(Object.keys(valid).map((name) => [name, ""]));
    expect(errorsOf(blank)).toEqual({ plans: ["Offer at least one plan."] });
    expect(errorsOf({})).toEqual({ plans: ["Offer at least one plan."] });
  });

  it("offers at most six plans: a seventh row is refused, not dropped", () => {
    const fields = Object.assign({}, ...Array.from({ length: 7 }, (_, n) => row(n, { id: `plan-${n}`, name: `Plan ${n}`, total: "100", firstPayment: "100" })));
    expect(errorsOf(fields)).toEqual({ plans: ["At most 6 plans."] });
    delete fields["plans.6.id"];
    delete fields["plans.6.name"];
    delete fields["plans.6.total"];
    delete fields["plans.6.firstPayment"];
    expect(equityPlansFormSchema.parse(fields)).toHaveLength(6);
  });

  it("ignores rows named past the limit rather than building a huge array", () => {
    const fields = { ...valid, "plans.4294967294.id": "x" };
    expect(equityPlansFormSchema.parse(fields)).toEqual(defaultEquityPlans);
  });

  it("refuses a plan of more than 120 installments at its installment field", () => {
    expect(errorsOf({ ...valid, "plans.1.installment": "0.01" })).toEqual({ "plans.1.installment": ["That makes more than 120 installments; raise the installment."] });
  });
});

describe("a plan's schedule in words", () => {
  const [full, monthly] = defaultEquityPlans as [EquityPlan, EquityPlan];

  it.each([
    [full, "$100.00 at joining, paid in full"],
    [monthly, "$25.00 at joining, then 5 payments of $15.00 every month: $100.00 in all"],
    [{ ...monthly, installmentCents: 20_00, intervalMonths: 3 }, "$25.00 at joining, then 3 payments of $20.00 and a last one of $15.00 every 3 months: $100.00 in all"],
    [{ ...monthly, installmentCents: 75_00, intervalMonths: 6 }, "$25.00 at joining, then $75.00 6 months later: $100.00 in all"],
    [{ ...monthly, installmentCents: 90_00 }, "$25.00 at joining, then $75.00 a month later: $100.00 in all"],
  ])("%#: %s", (plan, words) => {
    expect(describeEquitySchedule(plan)).toBe(words);
  });
});

describe("the next owner number", () => {
  it.each([
    ["1001", 1001],
    [" 2,500 ", 2500],
    ["9999999", 9_999_999],
  ])("reads %j as %i", (input, number) => {
    expect(nextOwnerNumberSchema.parse({ nextOwnerNumber: input })).toEqual({ nextOwnerNumber: number });
  });

  it.each(["", "0", "-3", "12.5", "ten", "10000000", "1e3"])("refuses %j with a field error", (input) => {
    const result = nextOwnerNumberSchema.safeParse({ nextOwnerNumber: input });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["nextOwnerNumber"], message: "Give a whole number from 1 to 9,999,999." })]);
  });
});
