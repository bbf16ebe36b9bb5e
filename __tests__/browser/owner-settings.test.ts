import { expectNoAxeViolations, openBrowserPage } from "../helpers/browser";
import { signInByStoredSession } from "../helpers/browser-sign-in";
import { portalUrl, withPortalDb } from "../helpers/portal";

jest.setTimeout(120_000);

const session = openBrowserPage();

beforeAll(async () => {
  await signInByStoredSession(session.page.context(), "owner-settings-browser@coop.example", "admin");
});

const storedNext = () => (withPortalDb((db) => db.prepare("select next from owner_number_sequence where id = 1").get()) as { next: number }).next;

describe("owner settings in a browser", () => {
  it("an admin adds an equity plan, reading its schedule while typing; the saved plan stays on the page, and can be taken away again", async () => {
    const { page } = session;
    await page.goto(portalUrl("/staff/settings"));
    const spare = page.getByRole("group", { name: "Add a plan" });
    await spare.getByLabel("Id").fill("quarterly");
    await spare.getByLabel("Name applicants see").fill("$10 now, then $30 a quarter");
    await spare.getByLabel("Total equity ($)").fill("100");
    await spare.getByLabel("First payment ($)").fill("10");
    await spare.getByLabel("Installment ($)").fill("12.345");
    await spare.getByText("Give the installment in dollars and cents to see the schedule.").waitFor();
    await page.getByRole("button", { name: "Save plans" }).click();
    await page.getByRole("alert").getByText("Please correct the fields marked below.").waitFor();
    const refused = page.getByRole("group", { name: "Add a plan" }).getByLabel("Installment ($)");
    expect(await refused.inputValue()).toBe("12.345");
    await expect(refused.getAttribute("aria-invalid")).resolves.toBe("true");
    await page.getByText("Use dollars and cents, e.g. 25.00").waitFor();

    await refused.fill("30");
    await page.getByRole("group", { name: "Add a plan" }).getByLabel("Months between installments").fill("3");
    await page.getByText("$10.00 at joining, then 3 payments of $30.00 every 3 months: $100.00 in all").waitFor();
    await page.getByRole("button", { name: "Save plans" }).click();
    await page.getByRole("status").getByText("Plans saved.", { exact: false }).waitFor();
    const saved = page.getByRole("group", { name: "Plan 3" });
    expect(await saved.getByLabel("Id").inputValue()).toBe("quarterly");
    expect(await saved.getByLabel("Installment ($)").inputValue()).toBe("30.00");
    await page.getByRole("group", { name: "Add a plan" }).waitFor();
    await expectNoAxeViolations(page);

    for (const label of ["Id", "Name applicants see", "Total equity ($)", "First payment ($)", "Installment ($)", "Months between installments"]) await saved.getByLabel(label).fill("");
    await page.getByRole("button", { name: "Save plans" }).click();
    await page.getByRole("group", { name: "Plan 3" }).waitFor({ state: "detached" });
    expect(await page.getByRole("group", { name: "Add a plan" }).getByLabel("Id").inputValue()).toBe("");
  });

  it("an admin moves the next owner number and the page shows the new one", async () => {
    const { page } = session;
    const before = storedNext();
    await page.goto(portalUrl("/staff/settings"));
    const field = page.getByLabel("Next owner number");
    expect(await field.inputValue()).toBe(String(before));
    await field.fill(String(before + 10));
    await page.getByRole("button", { name: "Save next number" }).click();
    await page.getByRole("status").getByText("Saved. The next approved application", { exact: false }).waitFor();
    expect(storedNext()).toBe(before + 10);
    expect(await page.getByLabel("Next owner number").inputValue()).toBe(String(before + 10));

    await page.getByLabel("Next owner number").fill(String(before));
    await page.getByRole("button", { name: "Save next number" }).click();
    await page.waitForFunction((next) => document.querySelector<HTMLInputElement>('input[name="nextOwnerNumber"]')?.defaultValue === next, String(before));
    expect(storedNext()).toBe(before);
  });
});
