import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser } from "../helpers/browser";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { signInByStoredSession } from "../helpers/browser-sign-in";
import { waitForEmails } from "../helpers/wait-for-email";

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

/** A staff member's own browser, signed in. */
async function staffPage() {
  const context = await browser.newContext();
  await signInByStoredSession(context, "staff@coop.example", "staff");
  return context.newPage();
}

const statusOf = (email: string) => (withPortalDb((db) => db.prepare("select status from newsletter_subscribers where email = ?").get(email)) as { status: string } | undefined)?.status;

const membershipOf = (email: string) =>
  withPortalDb((db) =>
    db
      .prepare("select m.status from newsletter_list_members m join newsletter_lists l on l.id = m.list_id join newsletter_subscribers s on s.id = m.subscriber_id where l.slug = 'news' and s.email = ?")
      .pluck()
      .get(email),
  );

describe("the email newsletter", () => {
  it("a visitor subscribes from the aside of any page", async () => {
    await page.goto(portalUrl("/about"));
    const aside = page.getByRole("complementary");
    await aside.getByLabel("Email address").fill(reader);
    await aside.getByLabel("First name (optional)").fill("Ada");
    await aside.getByRole("button", { name: "Sign up" }).click();
    await aside.getByText(/check your inbox/i).waitFor();
    expect(statusOf(reader)).toBe("pending");
  });

  it("confirms from the link in the .eml outbox: the page's button, not the visit, confirms", async () => {
    const [message] = await waitForEmails(reader, 1);
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

  it("staff send a campaign; the reader leaves that email's list from its link, with the page's button, not the visit", async () => {
    const subject = `Winter squash is in (${Date.now()})`;
    // The reader is on the first list, which a new campaign goes to (the signup's lists are tested with the lists).
    withPortalDb((db) =>
      db
        .prepare("insert or ignore into newsletter_list_members (list_id, subscriber_id, status, chosen_at, consent_at, consent_source) select l.id, s.id, 'subscribed', ?, ?, 'form' from newsletter_lists l, newsletter_subscribers s where l.slug = 'news' and s.email = ?")
        .run(Date.now(), Date.now(), reader),
    );
    const staff = await staffPage();
    await staff.goto(portalUrl("/staff/newsletter/campaigns/new"));
    await expectNoAxeViolations(staff);
    await staff.getByLabel("Subject").fill(subject);
    await staff.getByLabel("Message").fill("Delicata, kabocha and butternut from two farms up the road.");
    // Only the first list: the demo's weekly flyer, also ticked by default, would make it two.
    await staff.getByLabel("Weekly sales flyer").uncheck();
    await staff.getByRole("button", { name: "Save as draft" }).click();
    await staff.waitForURL(/\/staff\/newsletter\/campaigns\/\d+/);
    await staff.getByRole("link", { name: /^Send to \d+/ }).click();
    await staff.getByRole("button", { name: /^Yes, send it to/ }).click();
    await staff.getByRole("progressbar", { name: "Messages sent" }).waitFor();
    await expectNoAxeViolations(staff);

    const campaign = (await waitForEmails(reader, 2, { timeoutMs: 60_000 })).find((message) => message.subject === subject)!;
    const link = /http\S+\/newsletter\/unsubscribe\?token=[0-9a-f]{64}/.exec(campaign.text)![0];
    expect(campaign.text).toMatch(/subscribed to .+’s list “[^”]+”\./);
    await page.goto(link);
    await page.getByRole("button", { name: "Leave this list" }).waitFor();
    expect(membershipOf(reader)).toBe("subscribed");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Leave this list" }).click();
    await page.getByText(/^You have left the list “/).waitFor();
    expect(membershipOf(reader)).toBe("left");
    await expectNoAxeViolations(page);
  });

  it("staff upload an issue of The Rutabaga Rap: a wrong file is refused at its field, then the PDF is published and listed", async () => {
    const staff = await staffPage();
    await staff.goto(portalUrl("/staff/newsletter/issues"));
    const title = `The browser issue ${Date.now()}`;
    await staff.getByLabel("Title").fill(title);
    await staff.getByLabel(/^PDF file/).setInputFiles({ name: "issue.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a PDF at all") });
    await staff.getByRole("button", { name: "Publish the issue" }).click();
    await staff.getByText("This file is not a PDF. Export the issue as a PDF and choose that file.").waitFor();
    expect(await staff.getByLabel("Title").inputValue()).toBe(title);
    await expectNoAxeViolations(staff);

    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    await staff.getByLabel(/^PDF file/).setInputFiles({ name: "issue.pdf", mimeType: "application/pdf", buffer: pdf });
    await staff.getByRole("button", { name: "Publish the issue" }).click();
    await staff.getByRole("status").filter({ hasText: "Published: the issue is on the public list and in its feed." }).waitFor();
    await staff.getByRole("cell", { name: title, exact: true }).waitFor();
    expect(await staff.getByLabel("Title").inputValue()).toBe("");
  });
});
