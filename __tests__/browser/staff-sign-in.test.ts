import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { portalMailDir, portalUrl } from "../helpers/portal";
import { readEmails, waitForEmails } from "../helpers/smtp-receiver";

jest.setTimeout(120_000);

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});

afterAll(async () => {
  await browser?.close();
});

async function expectNoAxeViolations() {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function signInThroughTheForm(email: string) {
  const before = (await readEmails(portalMailDir())).filter((m) => m.to === email).length;
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.waitForURL(/\/login\/check-email$/);
  const message = (await waitForEmails(portalMailDir(), email, before + 1)).at(-1)!;
  const link = /http\S+\/login\/verify\?\S+/.exec(message.text)![0];
  await page.goto(link);
  await expect(page.getByText(`signing in as ${email}`, { exact: false }).isVisible()).resolves.toBe(true);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("staff sign in and edit a page", () => {
  it("shows a field error and keeps what was typed when the address is malformed", async () => {
    await page.goto(portalUrl("/login"));
    await expectNoAxeViolations();
    const field = page.getByLabel("Email address");
    await field.fill("staff-at-example");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    const error = page.getByText("Enter an email address like name@example.com.");
    await error.waitFor();
    expect(await page.getByLabel("Email address").inputValue()).toBe("staff-at-example");
    const describedBy = await page.getByLabel("Email address").getAttribute("aria-describedby");
    expect(await error.getAttribute("id")).toBe(describedBy);
    await expectNoAxeViolations();
  });

  it("signs in with the link from the outbox and edits the About page, which shows the change", async () => {
    await page.goto(portalUrl("/staff/pages/about"));
    await page.waitForURL(/\/login\?callbackUrl=/);
    await signInThroughTheForm("staff@example.coop");
    await page.waitForURL(portalUrl("/staff/pages/about"));
    await expectNoAxeViolations();

    const sentence = `Fresh bread arrives every morning (${Date.now()}).`;
    const editor = page.getByLabel("Text (Markdown)");
    await editor.fill(`${await editor.inputValue()}\n\n${sentence}`);
    await page.getByRole("region", { name: "Preview" }).getByText(sentence).waitFor();
    await page.getByRole("button", { name: "Save page" }).click();
    await page.getByRole("status").getByText("Saved.", { exact: false }).waitFor();

    await page.goto(portalUrl("/about"));
    expect(await page.locator("main article").textContent()).toContain(sentence);
  });

  it("staff pages have no accessibility violations", async () => {
    for (const path of ["/staff", "/staff/pages", "/staff/monographs", "/staff/monographs/new", "/account"]) {
      await page.goto(portalUrl(path));
      await expectNoAxeViolations();
    }
  });

  it("admin pages have no accessibility violations", async () => {
    await page.goto(portalUrl("/account"));
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/login\?signedOut=1$/);
    await page.goto(portalUrl("/staff/settings"));
    await signInThroughTheForm("admin@example.coop");
    await page.waitForURL(portalUrl("/staff/settings"));
    for (const path of ["/staff/settings", "/staff/people", "/staff/audit", "/staff/outbox"]) {
      await page.goto(portalUrl(path));
      expect(await page.locator("main h1").count()).toBe(1);
      await expectNoAxeViolations();
    }
  });
});
