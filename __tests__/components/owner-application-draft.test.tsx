import { act, fireEvent, render, screen } from "@testing-library/react";
import { OwnerApplicationForm } from "@/components/owners/application-form";
import { clearApplicationDraft } from "@/components/owners/use-application-draft";
import type { submitOwnerApplicationAction } from "@/lib/actions/owner-applications";
import { defaultEquityPlans } from "@/lib/model/equity";

type Action = typeof submitOwnerApplicationAction;

const DRAFT_KEY = "coop:owner-application-draft";
const DAY_MS = 24 * 60 * 60_000;

const field = (name: string) => document.querySelector<HTMLInputElement & HTMLTextAreaElement>(`[name="${name}"]`)!;
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });
const next = (label = "Next") => act(async () => fireEvent.click(screen.getByRole("button", { name: label })));
const renderForm = () => render(<OwnerApplicationForm action={jest.fn() as unknown as Action} plans={defaultEquityPlans} />);

/** Everything both storages hold, as text, to look for what must not be there. */
const stored = (storage: Storage) => Array.from({ length: storage.length }, (_, index) => `${storage.key(index)}=${storage.getItem(storage.key(index)!)}`).join("\n");

afterEach(() => {
  clearApplicationDraft();
  localStorage.clear();
  sessionStorage.clear();
});

describe("the owner application's draft in the browser", () => {
  it("is kept for this tab only, without the FLOWER answers or the signed agreement, and nothing is left in localStorage", async () => {
    renderForm();
    type("applicant.name", "Robin Applicant");
    type("applicant.email", "robin@example.org");
    type("applicant.phone", "585-555-0134");
    type("applicant.streetAddress", "12 Garson Ave");
    type("applicant.locality", "Rochester");
    type("applicant.region", "NY");
    type("applicant.postalCode", "14609");
    await next();
    type("household.0.name", "Sam Applicant");
    await next();
    fireEvent.click(screen.getByLabelText("$25 now, then $15 a month"));
    await next();
    fireEvent.click(screen.getByLabelText("SNAP (food stamps)"));
    fireEvent.click(screen.getByLabelText("Medicaid"));
    await next();
    fireEvent.click(field("agreement.bylaws"));
    fireEvent.click(field("agreement.dataUse"));
    type("agreement.signature", "Robin Q. Signer");
    type("agreement.note", "We moved here from Buffalo.");

    expect(stored(localStorage)).toBe("");
    const draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? "null");
    expect(draft).toEqual({
      savedAt: expect.any(Number),
      values: {
        "applicant.name": "Robin Applicant",
        "applicant.email": "robin@example.org",
        "applicant.phone": "585-555-0134",
        "applicant.streetAddress": "12 Garson Ave",
        "applicant.locality": "Rochester",
        "applicant.region": "NY",
        "applicant.postalCode": "14609",
        "household.0.name": "Sam Applicant",
        planId: "monthly",
      },
    });
    expect(Math.abs(draft.savedAt - Date.now())).toBeLessThan(60_000);
    expect(stored(sessionStorage)).not.toMatch(/snap|medicaid|flower|Signer|Buffalo|agreement/i);

    // The form itself still holds every answer until it is sent.
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /Discounts/ })));
    expect(field("flower.snap").checked).toBe(true);
    expect(field("flower.medicaid").checked).toBe(true);
  });

  it("comes back after a reload within three days", () => {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ savedAt: Date.now() - 2 * DAY_MS, values: { "applicant.name": "Robin Applicant", planId: "full" } }));
    renderForm();
    expect(field("applicant.name").value).toBe("Robin Applicant");
  });

  it("ignores and deletes a draft saved more than three days ago, and any draft left in localStorage", () => {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ savedAt: Date.now() - 4 * DAY_MS, values: { "applicant.name": "Old Draft" } }));
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ "applicant.name": "Left Behind", "applicant.streetAddress": "12 Garson Ave", "flower.snap": "on" }));
    renderForm();
    expect(field("applicant.name").value).toBe("");
    expect(field("applicant.streetAddress").value).toBe("");
    expect(sessionStorage.getItem(DRAFT_KEY)).toBeNull();
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  });
});
