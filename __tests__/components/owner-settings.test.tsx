import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { EquityPlansForm } from "@/components/owners/equity-plans-form";
import { NextOwnerNumberForm } from "@/components/owners/next-owner-number-form";
import type { saveEquityPlansAction, setNextOwnerNumberAction } from "@/lib/actions/owner-settings";
import { defaultEquityPlans } from "@/lib/model/equity";

type PlansAction = typeof saveEquityPlansAction;
type NumberAction = typeof setNextOwnerNumberAction;

const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

/** What the field's aria-describedby points at, as read aloud. */
const description = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent)
    .join(" ");

describe("EquityPlansForm", () => {
  it("shows a row per plan in dollars, a spare row, and each plan's schedule in words", () => {
    render(<EquityPlansForm action={jest.fn() as unknown as PlansAction} plans={defaultEquityPlans} />);
    expect(screen.getAllByRole("group").map((group) => group.querySelector("legend")?.textContent)).toEqual(["Plan 1", "Plan 2", "Add a plan"]);
    expect(input("plans.1.total").value).toBe("100.00");
    expect(input("plans.1.firstPayment").value).toBe("25.00");
    expect(input("plans.2.id").value).toBe("");
    expect(screen.getByText("$100.00 at joining, paid in full")).toBeInTheDocument();
    expect(screen.getByText("$25.00 at joining, then 5 payments of $15.00 every month: $100.00 in all")).toBeInTheDocument();
  });

  it("tells what the amounts mean as they are typed", () => {
    render(<EquityPlansForm action={jest.fn() as unknown as PlansAction} plans={defaultEquityPlans} />);
    const row = screen.getAllByRole("group")[1]!;
    fireEvent.change(input("plans.1.installment"), { target: { value: "20" } });
    fireEvent.change(input("plans.1.intervalMonths"), { target: { value: "3" } });
    expect(within(row).getByText("$25.00 at joining, then 3 payments of $20.00 and a last one of $15.00 every 3 months: $100.00 in all")).toBeInTheDocument();
    fireEvent.change(input("plans.1.total"), { target: { value: "12.345" } });
    expect(within(row).getByText("Give the total and the first payment in dollars to see the schedule.")).toBeInTheDocument();
  });

  it("after a refused save, keeps what was typed and ties each error to its field", async () => {
    const posted = {
      "plans.0.id": "full",
      "plans.0.name": "$100 at once",
      "plans.0.total": "100.00",
      "plans.0.firstPayment": "100.00",
      "plans.0.installment": "0.00",
      "plans.0.intervalMonths": "1",
      "plans.1.id": "",
      "plans.1.name": "",
      "plans.1.total": "",
      "plans.1.firstPayment": "",
      "plans.1.installment": "",
      "plans.1.intervalMonths": "",
      "plans.2.id": "later",
      "plans.2.name": "Later",
      "plans.2.total": "12.345",
      "plans.2.firstPayment": "10",
      "plans.2.installment": "",
      "plans.2.intervalMonths": "",
    };
    const action = jest.fn(async () => ({
      ok: false as const,
      message: "Please correct the fields marked below.",
      fieldErrors: { "plans.2.total": ["Use dollars and cents, e.g. 25.00"] },
      values: posted,
    }));
    render(<EquityPlansForm action={action as unknown as PlansAction} plans={defaultEquityPlans} />);
    await act(async () => fireEvent.submit(input("plans.0.id").form!));
    expect(action).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("alert")).toHaveTextContent("Please correct the fields marked below.");
    expect(input("plans.1.id").value).toBe("");
    expect(input("plans.2.id").value).toBe("later");
    expect(input("plans.2.total").value).toBe("12.345");
    expect(input("plans.2.total")).toHaveAttribute("aria-invalid", "true");
    expect(description(input("plans.2.total"))).toBe("e.g. 100.00 Use dollars and cents, e.g. 25.00");
    expect(input("plans.0.total")).not.toHaveAttribute("aria-invalid");
  });
});

describe("NextOwnerNumberForm", () => {
  it("names the floor in its hint, and after a refusal keeps the number typed with the reason at the field", async () => {
    const action = jest.fn(async () => ({
      ok: false as const,
      message: "Nothing was changed: the next owner number must be above the highest already given.",
      fieldErrors: { nextOwnerNumber: ["Owner number 1001 is not above the highest already given, 1002. Choose 1003 or higher."] },
      values: { nextOwnerNumber: "1001" },
    }));
    render(<NextOwnerNumberForm action={action as unknown as NumberAction} next={1003} highest={1002} />);
    const field = screen.getByLabelText("Next owner number") as HTMLInputElement;
    expect(field.value).toBe("1003");
    expect(description(field)).toBe("Above 1002, the highest given so far.");
    await act(async () => fireEvent.submit(field.form!));
    const after = screen.getByLabelText("Next owner number") as HTMLInputElement;
    expect(after.value).toBe("1001");
    expect(description(after)).toBe("Above 1002, the highest given so far. Owner number 1001 is not above the highest already given, 1002. Choose 1003 or higher.");
  });
});
