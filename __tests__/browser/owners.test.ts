import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser } from "../helpers/browser";
import { portalUrl } from "../helpers/portal";
import { signInByStoredSession, signInThroughEmail } from "../helpers/browser-sign-in";
import { waitForEmails } from "../helpers/wait-for-email";

jest.setTimeout(240_000);

const stamp = Date.now();
const applicant = { name: "Rosa Alvarez", email: `rosa.${stamp}@coop.example` };
const member = { name: "Sam Alvarez", email: `sam.${stamp}@coop.example` };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A fresh browser (its own cookies and storage) for one person, signed in as `email` by a
 * stored session if given. The household member below signs in through the emailed link.
 */
async function personPage(email?: string, role?: "member" | "staff") {
  const context = await browser.newContext();
  if (email) await signInByStoredSession(context, email, role);
  return context.newPage();
}

const step = (page: Page, title: string) => page.getByRole("heading", { level: 2, name: new RegExp(`^Step \\d of 6: ${title}$`) });

describe("becoming an owner online", () => {
  let applicationId: string;
  let ownerNumber: string;

  it("a new visitor completes the steps, with errors shown where they are, and sees the thank-you page", async () => {
    const page = await personPage();
    await page.goto(portalUrl("/owners/apply"));
    await step(page, "You").waitFor();

    await page.getByRole("button", { name: "Next" }).click();
    const nameError = page.getByText("Required.").first();
    await nameError.waitFor();
    expect(await page.getByLabel("Full name", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);

    await page.getByLabel("Full name", { exact: true }).fill(applicant.name);
    await page.getByLabel("Email", { exact: true }).fill(applicant.email);
    await page.getByLabel("Phone").fill("585-555-0134");
    await page.getByLabel("Street address").fill("14 Park Ave");
    await page.getByLabel("City").fill("Rochester");
    await page.getByLabel("State").fill("NY");
    await page.getByLabel("ZIP code").fill("14607");
    await page.reload();
    // The prerendered form is empty; the draft comes back from this tab's sessionStorage once the page is hydrated.
    await step(page, "You").waitFor();
    await page.waitForFunction((name) => document.querySelector<HTMLInputElement>('[name="applicant.name"]')?.value === name, applicant.name);
    await page.getByRole("button", { name: "Next" }).click();

    await step(page, "Household").waitFor();
    await page.getByLabel("Name", { exact: true }).fill(member.name);
    await page.getByLabel("Email (optional)").fill("sam-at-home");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText(/email address like name@example\.com/).waitFor();
    expect(await page.getByLabel("Email (optional)").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);
    await page.getByLabel("Email (optional)").fill(member.email);
    await page.getByRole("button", { name: "Next" }).click();

    await step(page, "Equity").waitFor();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText("Choose how to pay your equity.").waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel("$25 now, then $15 a month").check();
    await page.getByRole("button", { name: "Next" }).click();

    // Discounts are optional boxes to tick: this step has no error to show.
    await step(page, "Discounts").waitFor();
    await page.getByLabel("WIC").check();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Next" }).click();

    await step(page, "Agreement").waitFor();
    await page.getByRole("button", { name: "Review my application" }).click();
    await page.getByText("Tick this box to agree to the bylaws.").waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(/agree to them as an owner/).check();
    await page.getByLabel(/keep the details on this form/).check();
    await page.getByLabel(/Signature/).fill(applicant.name);
    await page.getByRole("button", { name: "Review my application" }).click();

    await step(page, "Review").waitFor();
    const review = page.locator("main form");
    for (const text of [applicant.name, applicant.email, member.email, "$25 now, then $15 a month", "WIC"]) {
      expect(await review.textContent()).toContain(text);
    }
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Send my application" }).click();
    await page.waitForURL(/\/owners\/apply\/thanks$/);
    await page.getByRole("heading", { name: "Thank you for applying" }).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => [sessionStorage.getItem("coop:owner-application-draft"), localStorage.getItem("coop:owner-application-draft")])).toEqual([null, null]);
  });

  it("the applicant, emailed a link to sign in to their account, sees the application there as submitted", async () => {
    const received = (await waitForEmails(applicant.email, 1))[0]!;
    // Where that link leads once signed in is what the household member's sign-in below proves.
    expect(received.text).toMatch(/http\S+\/login\?callbackUrl=%2Faccount/);
    const page = await personPage(applicant.email);
    await page.goto(portalUrl("/account"));
    await page.getByRole("heading", { name: "Your owner application" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Status: submitted");
    await expectNoAxeViolations(page);
  });

  it("staff find it in the queue and approve it, giving the next owner number", async () => {
    const page = await personPage("staff@coop.example", "staff");
    await page.goto(portalUrl("/staff/owners/applications"));
    await expectNoAxeViolations(page);
    const link = page.getByRole("link", { name: applicant.name });
    applicationId = /\/(\d+)$/.exec((await link.getAttribute("href"))!)![1]!;
    await link.click();
    await page.getByRole("heading", { name: `Application from ${applicant.name}` }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(/First payment taken at the register/).fill("25");
    await page.getByLabel("Paid by").selectOption("cash");
    await page.getByRole("button", { name: "Approve and give the next owner number" }).click();
    const approved = page.getByRole("status").getByText(/Approved as owner no\. \d+/);
    await approved.waitFor();
    ownerNumber = /owner no\. (\d+)/.exec((await approved.textContent())!)![1]!;

    await page.goto(portalUrl("/staff/owners"));
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: applicant.name }).click();
    await page.getByRole("heading", { level: 1, name: new RegExp(`owner no\\. ${ownerNumber}`) }).waitFor();
    await expectNoAxeViolations(page);
    expect(applicationId).toMatch(/^\d+$/);
  });

  it("the applicant's account then shows the owner number, the household and the equity paid", async () => {
    const welcome = (await waitForEmails(applicant.email, 2)).find((message) => message.subject.includes("Welcome"))!; // after the receipt
    expect(welcome.text).toContain(`Your owner number is ${ownerNumber}`);
    const page = await personPage(applicant.email);
    await page.goto(portalUrl("/account"));
    await page.getByRole("heading", { name: `Owner no. ${ownerNumber}` }).waitFor();
    const main = (await page.locator("main").textContent())!;
    expect(main).toContain("$25.00");
    expect(main).toContain("$75.00");
    expect(await page.getByLabel("Email (optional)").first().inputValue()).toBe(member.email);
    await expectNoAxeViolations(page);
  });

  it("the household member opens the emailed invitation, signs in, accepts, and sees the same ownership, without changing it", async () => {
    const invitation = (await waitForEmails(member.email, 1)).find((message) => message.subject.includes("household"))!;
    const page = await personPage();
    await page.goto(/http\S+\/owners\/invitation\?token=[0-9a-f]+/.exec(invitation.text)![0]);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Sign in to accept" }).click();
    await page.waitForURL(/\/login\?callbackUrl=%2Faccount$/);
    await signInThroughEmail(page, member.email);
    await page.waitForURL(/\/account$/);
    await page.getByRole("button", { name: "Accept and join" }).click();
    await page.getByRole("heading", { name: `Owner no. ${ownerNumber}` }).waitFor();
    const main = (await page.locator("main").textContent())!;
    expect(main).toContain(applicant.name);
    expect(main).toContain("Only the primary owner can change the household.");
    expect(main).not.toContain("Cash");
    expect(await page.getByRole("button", { name: "Save household" }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
