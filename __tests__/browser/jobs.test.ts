import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser } from "../helpers/browser";
import { portalUrl } from "../helpers/portal";
import { signInByStoredSession } from "../helpers/browser-sign-in";
import { waitForEmails } from "../helpers/wait-for-email";

jest.setTimeout(240_000);

const stamp = Date.now();
const title = `Bulk Foods Clerk ${stamp}`;
const applicant = { name: "Ines Moreau", email: `ines.${stamp}@coop.example` };

let browser: Browser;
let staffPage: Page;
let resumePath: string;
/** The posting's form, as the first visitor reached it from /jobs; the visitor without JavaScript opens it directly. */
let applyUrl: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText("Ines Moreau — résumé", { font: await pdf.embedFont(StandardFonts.Helvetica), x: 50, y: 700 });
  resumePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "resume-")), "ines-moreau.pdf");
  fs.writeFileSync(resumePath, await pdf.save());
});
afterAll(async () => {
  await browser?.close();
  if (resumePath) fs.rmSync(path.dirname(resumePath), { recursive: true, force: true }); // the résumé and the 20 MB scan
});

/** The answer to the next server action the page calls (its request carries a Next-Action header). */
const serverActionAnswer = (page: Page) => page.waitForResponse((response) => response.request().method() === "POST" && Boolean(response.request().headers()["next-action"]));

describe("hiring through the portal", () => {
  it("staff write a posting and publish it from the list", async () => {
    const staff = await browser.newContext();
    await signInByStoredSession(staff, "staff@coop.example", "staff");
    staffPage = await staff.newPage();
    await staffPage.goto(portalUrl("/staff/jobs/new"));
    await expectNoAxeViolations(staffPage);
    await staffPage.getByLabel("Title", { exact: true }).fill(title);
    await staffPage.getByLabel("Department").fill("Bulk");
    await staffPage.getByLabel("Hours").fill("24 hours a week");
    await staffPage.getByLabel("Pay from (dollars)").fill("16.50");
    await staffPage.getByLabel("Pay up to (dollars, optional)").fill("18");
    await staffPage.getByLabel("Description").fill("Keep the bulk bins full, clean and labelled.");
    await staffPage.getByRole("button", { name: "Save as draft" }).click();
    await staffPage.waitForURL(/\/staff\/jobs\/\d+\?created=1$/);

    await staffPage.goto(portalUrl("/staff/jobs"));
    await expectNoAxeViolations(staffPage);
    const row = staffPage.getByRole("row", { name: new RegExp(title) });
    const answered = serverActionAnswer(staffPage);
    await row.getByRole("button", { name: /Publish/ }).click();
    // Shown at once (optimistic), then held once the server has answered: still so after a reload.
    await row.getByRole("cell", { name: "Published" }).waitFor();
    expect((await answered).status()).toBe(200);
    await staffPage.reload();
    await staffPage.getByRole("row", { name: new RegExp(title) }).getByRole("cell", { name: "Published" }).waitFor();
  });

  it("a visitor finds it on /jobs, applies with a PDF after seeing the errors, and is thanked", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(portalUrl("/jobs"));
    await page.getByRole("link", { name: title }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Apply for this job" }).first().click();
    await page.waitForURL(/\/apply$/);
    applyUrl = page.url();

    await page.getByRole("button", { name: "Send my application" }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel("Full name").fill(applicant.name);
    await page.getByLabel("Email", { exact: true }).fill(applicant.email);
    await page.getByLabel("Phone").fill("585-555-0177");
    await page.getByLabel("Availability").fill("Weekdays after 3 pm, all day Saturday");
    await page.getByLabel(/Résumé file/).setInputFiles(resumePath);
    await page.getByRole("button", { name: "Send my application" }).click();
    await page.waitForURL(/\/apply\/thanks$/);
    await page.getByRole("heading", { name: "Thank you for applying" }).waitFor();
    await expectNoAxeViolations(page);
    await waitForEmails(applicant.email, 1);
  });

  it("another visitor pastes the résumé as text, leaving the file input empty, and is thanked", async () => {
    const page = await (await browser.newContext()).newPage();
    const email = `leo.${stamp}@coop.example`;
    // Reached by links, so the form is the hydrated one that sends the pasted text with JavaScript.
    await page.goto(portalUrl("/jobs"));
    await page.getByRole("link", { name: title }).click();
    await page.getByRole("link", { name: "Apply for this job" }).first().click();
    await page.waitForURL(/\/apply$/);
    await page.getByLabel("Full name").fill("Leo Okafor");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Phone").fill("585-555-0178");
    await page.getByLabel("Availability").fill("Mornings");
    await page.getByLabel("Paste your résumé as text").fill("Five years stocking shelves at a food co-op.");
    await page.getByRole("button", { name: "Send my application" }).click();
    await page.waitForURL(/\/apply\/thanks$/);
    await waitForEmails(email, 1);
  });

  it("a visitor without JavaScript who chooses a 20 MB file comes back to the form with the error at the file field and what they typed", async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    const bigPath = path.join(path.dirname(resumePath), "scan.pdf");
    fs.writeFileSync(bigPath, Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(20 * 1024 * 1024, 0x20)]));
    await page.goto(applyUrl);
    await page.getByLabel("Full name").fill("Ada Okoro");
    await page.getByLabel("Email", { exact: true }).fill(`ada.${stamp}@coop.example`);
    await page.getByLabel("Phone").fill("585-555-0179");
    await page.getByLabel("Availability").fill("Weekends");
    await page.getByLabel(/Résumé file/).setInputFiles(bigPath);
    await page.getByRole("button", { name: "Send my application" }).click();
    await page.waitForURL(/\/apply\/returned$/);
    await page.getByRole("alert").filter({ hasText: "Please correct the fields marked below." }).waitFor();
    const file = page.getByLabel(/Résumé file/);
    expect(await file.getAttribute("aria-invalid")).toBe("true");
    await page.getByText(/^This file is larger than 5 MB\./).waitFor();
    expect(await page.getByLabel("Full name").inputValue()).toBe("Ada Okoro");
    expect(await page.getByLabel("Availability").inputValue()).toBe("Weekends");
  });

  it("staff move the applicant to interview from the list, and the change holds", async () => {
    await staffPage.goto(portalUrl("/staff/jobs"));
    await staffPage.getByRole("link", { name: title }).click();
    const status = staffPage.getByLabel(`Status of ${applicant.name}`);
    await status.waitFor();
    await expectNoAxeViolations(staffPage);
    expect(await status.inputValue()).toBe("new");
    const answered = serverActionAnswer(staffPage);
    await status.selectOption("interview");
    expect(await status.inputValue()).toBe("interview");
    expect((await answered).status()).toBe(200);
    expect(await staffPage.getByText(/^Not changed:/).count()).toBe(0);
    await staffPage.reload();
    expect(await staffPage.getByLabel(`Status of ${applicant.name}`).inputValue()).toBe("interview");

    await staffPage.getByRole("link", { name: applicant.name }).click();
    await staffPage.getByRole("link", { name: /Download ines-moreau\.pdf/ }).waitFor();
    await expectNoAxeViolations(staffPage);
  });
});
