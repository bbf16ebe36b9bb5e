import type { Browser } from "playwright-core";
import { expectNoAxeViolations, launchBrowser } from "../helpers/browser";
import { signInByStoredSession } from "../helpers/browser-sign-in";
import { addList, sendCampaign } from "../helpers/newsletter";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";
import { waitForEmail, waitForEmails } from "../helpers/wait-for-email";

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
it("a reader chooses lists on /newsletter and confirms them from the .eml, without JavaScript; staff see the lists page; axe finds nothing", async () => {
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
  // Without JavaScript too: the server answers the button with the page, the link spent by then.
  const confirming = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await confirming.goto(/http\S+\/newsletter\/confirm\?token=[0-9a-f]{64}/.exec(message!.text)![0]);
  await confirming.getByText("Classes and events").waitFor({ timeout: 10_000 });
  await confirming.getByRole("button", { name: "Confirm my subscription" }).click();
  await confirming.getByText("You are subscribed. Thank you!").waitFor({ timeout: 10_000 });
  expect(await confirming.getByRole("link", { name: "Unsubscribe" }).getAttribute("href")).toMatch(/\/newsletter\/unsubscribe\?token=[0-9a-f]{64}$/);
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

it("the reader changes their lists from a campaign email's preference link, without JavaScript; axe finds nothing", async () => {
  // A list only this reader is on, so that the campaign reaches nobody else on the shared portal.
  const run = Date.now();
  const tastings = addList(`tastings-${run}`, `Tastings ${run}`, "everyone");
  withPortalDb((db) =>
    db
      .prepare("insert into newsletter_list_members (list_id, subscriber_id, status, chosen_at, consent_at, consent_source) select ?, id, 'subscribed', ?, ?, 'form' from newsletter_subscribers where email = ?")
      .run(tastings, Date.now(), Date.now(), reader),
  );
  await sendCampaign(storedSessionCookie(`lists-staff-${run}@coop.example`, "staff"), [tastings], `Tastings this week ${run}`, "Cheese on Friday.");
  const email = await waitForEmail(reader, (message) => message.subject === `Tastings this week ${run}`);
  const link = /http\S+\/newsletter\/preferences\?token=[0-9a-f]{64}/.exec(email.text)![0];

  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto(link);
  const lists = page.getByRole("group", { name: "Lists" });
  expect(await lists.getByLabel(`Tastings ${run}`).isChecked()).toBe(true);
  expect(await lists.getByLabel("Classes and events").isChecked()).toBe(true);
  expect(await lists.getByLabel("Weekly sales flyer").isChecked()).toBe(false);
  await lists.getByLabel("Classes and events").uncheck();
  await lists.getByLabel("Weekly sales flyer").check();
  await page.getByRole("button", { name: "Save my lists" }).click();
  await page.getByText("Your lists are saved.").waitFor({ timeout: 10_000 });
  expect(await page.getByRole("group", { name: "Lists" }).getByLabel("Weekly sales flyer").isChecked()).toBe(true);
  expect(Object.fromEntries(listsOf(reader).map((row) => [row.name, row.status]))).toEqual({
    "Co-op news": "subscribed",
    "Weekly sales flyer": "subscribed",
    "Classes and events": "left",
    [`Tastings ${run}`]: "subscribed",
  });

  const withScript = await (await browser.newContext()).newPage();
  await withScript.goto(link);
  await withScript.getByRole("group", { name: "Lists" }).waitFor({ timeout: 10_000 });
  await expectNoAxeViolations(withScript);
  await withScript.getByRole("group", { name: "Lists" }).getByLabel(`Tastings ${run}`).uncheck();
  await withScript.getByRole("button", { name: "Save my lists" }).click();
  await withScript.getByText("Your lists are saved.").waitFor({ timeout: 10_000 });
  expect(listsOf(reader).find((row) => row.name === `Tastings ${run}`)!.status).toBe("left");
});

it.each([
  ["with JavaScript", true],
  ["without JavaScript (the file goes to the route handler as a plain form post, the import as a server action)", false],
])("staff import a small list %s: upload, a preview naming the bad line, the import; axe (with JavaScript) finds nothing on either page", async (_, javaScriptEnabled) => {
  const run = Date.now();
  const [fresh, repeat] = [`imported-${run}@coop.example`, `imported-${run}@coop.example`.toUpperCase()];
  const context = await browser.newContext({ javaScriptEnabled });
  await signInByStoredSession(context, "staff@coop.example", "staff");
  const page = await context.newPage();
  await page.goto(portalUrl("/staff/newsletter/import"));
  if (javaScriptEnabled) await expectNoAxeViolations(page);
  const csv = `email,name,lists\n${fresh},Ada,news\nnot an address,Bo,news\n${repeat},Ada again,news\n`;
  await page.getByLabel(/CSV file/).setInputFiles({ name: "earlier-list.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Preview the import" }).click();
  await page.getByRole("button", { name: "Import 1 address" }).waitFor({ timeout: 10_000 });
  expect(await page.getByText("Line 3", { exact: false }).count()).toBeGreaterThan(0);
  if (javaScriptEnabled) await expectNoAxeViolations(page);
  expect(withPortalDb((db) => db.prepare("select count(*) from newsletter_subscribers where email = ?").pluck().get(fresh))).toBe(0);
  await page.getByRole("button", { name: "Import 1 address" }).click();
  await page.getByRole("status").first().waitFor({ timeout: 10_000 });
  expect(withPortalDb((db) => db.prepare("select status from newsletter_subscribers where email = ?").pluck().get(fresh))).toBe("pending");
});
