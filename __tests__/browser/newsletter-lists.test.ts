import type { Browser } from "playwright-core";
import { expectNoAxeViolations, launchBrowser } from "../helpers/browser";
import { signInByStoredSession } from "../helpers/browser-sign-in";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { waitForEmails } from "../helpers/wait-for-email";

jest.setTimeout(60_000);

const reader = `lists.${Date.now()}@coop.example`;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const listsOf = (email: string) =>
  withPortalDb(
    (db) =>
      db
        .prepare("select l.name, m.status from newsletter_list_members m join newsletter_lists l on l.id = m.list_id join newsletter_subscribers s on s.id = m.subscriber_id where s.email = ? order by l.position")
        .all(email) as { name: string; status: string }[],
  );

// axe checks /newsletter with its lists among the public pages (public-pages.test.ts); it needs JavaScript, so it checks the staff pages here.
it("a reader chooses lists on /newsletter without JavaScript and confirms them from the .eml; staff see the lists page; axe finds nothing", async () => {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto(portalUrl("/newsletter"));
  const signup = page.locator("#signup");
  expect(await signup.getByLabel("Weekly sales flyer").isChecked()).toBe(true);
  await expect(signup.getByText("Owner news").count()).resolves.toBe(0);
  await signup.getByLabel("Email address").fill(reader);
  await signup.getByLabel("Weekly sales flyer").uncheck();
  await signup.getByLabel("Classes and events").check();
  await signup.getByRole("button", { name: "Sign up" }).click();
  await page.getByText(/check your inbox/i).first().waitFor({ timeout: 10_000 });
  expect(listsOf(reader)).toEqual([
    { name: "Co-op news", status: "pending" },
    { name: "Classes and events", status: "pending" },
  ]);

  const [message] = await waitForEmails(reader, 1);
  const confirming = await (await browser.newContext()).newPage();
  await confirming.goto(/http\S+\/newsletter\/confirm\?token=[0-9a-f]{64}/.exec(message!.text)![0]);
  await confirming.getByText("Classes and events").waitFor({ timeout: 10_000 });
  await confirming.getByRole("button", { name: "Confirm my subscription" }).click();
  await confirming.getByText("You are subscribed. Thank you!").waitFor({ timeout: 10_000 });
  expect(listsOf(reader).map((row) => row.status)).toEqual(["subscribed", "subscribed"]);

  const context = await browser.newContext();
  await signInByStoredSession(context, "staff@coop.example", "staff");
  const staff = await context.newPage();
  await staff.goto(portalUrl("/staff/newsletter/lists"));
  await staff.getByRole("table", { name: "Lists" }).waitFor({ timeout: 10_000 });
  await expectNoAxeViolations(staff);
  await staff.goto(portalUrl("/account"));
  await staff.getByRole("group", { name: "Lists" }).waitFor({ timeout: 10_000 });
  await expectNoAxeViolations(staff);
});
