import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser } from "../helpers/browser";
import { portalMailDir, portalUrl, withPortalDb } from "../helpers/portal";
import { waitForEmails } from "../helpers/smtp-receiver";

jest.setTimeout(180_000);

const reader = `reader.${Date.now()}@coop.example`;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});
afterAll(async () => {
  await browser?.close();
});

const statusOf = (email: string) => (withPortalDb((db) => db.prepare("select status from newsletter_subscribers where email = ?").get(email)) as { status: string } | undefined)?.status;

describe("the email newsletter", () => {
  it("a visitor subscribes from the aside of any page", async () => {
    await page.goto(portalUrl("/newsletter"));
    await expectNoAxeViolations(page);
    await page.goto(portalUrl("/about"));
    const aside = page.getByRole("complementary");
    await aside.getByLabel("Email address").fill(reader);
    await aside.getByLabel("First name (optional)").fill("Ada");
    await aside.getByRole("button", { name: "Sign up" }).click();
    await aside.getByText(/check your inbox/i).waitFor();
    expect(statusOf(reader)).toBe("pending");
  });

  it("confirms from the link in the .eml outbox: the page's button, not the visit, confirms", async () => {
    const [message] = await waitForEmails(portalMailDir(), reader, 1);
    const link = /http\S+\/newsletter\/confirm\?token=[0-9a-f]{64}/.exec(message!.text)![0];
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm my subscription" }).waitFor();
    expect(statusOf(reader)).toBe("pending");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Confirm my subscription" }).click();
    await page.getByRole("link", { name: /Unsubscribe/ }).waitFor();
    expect(statusOf(reader)).toBe("confirmed");
    await expectNoAxeViolations(page);
  });

  it("unsubscribes from the link: the page's button, not the visit, unsubscribes", async () => {
    await page.getByRole("link", { name: /Unsubscribe/ }).click();
    await page.waitForURL(/\/newsletter\/unsubscribe\?token=/);
    await page.getByRole("button", { name: "Unsubscribe" }).waitFor();
    expect(statusOf(reader)).toBe("confirmed");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await page.getByRole("link", { name: "Sign up again" }).waitFor();
    expect(statusOf(reader)).toBe("unsubscribed");
    await expectNoAxeViolations(page);
  });
});
