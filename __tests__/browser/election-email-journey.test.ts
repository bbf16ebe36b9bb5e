import { expectNoAxeViolations, openBrowserPage, waitForHydration } from "../helpers/browser";
import { draftElection, type TestElection } from "../helpers/elections";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { waitFor } from "../helpers/wait-for";
import { waitForEmail } from "../helpers/wait-for-email";

jest.setTimeout(180_000);

/*
 * The owner's whole journey from the ballot email: an election of this file's own, opened
 * by the portal's opener as any would be (roll, link, email in the outbox), whose ballot
 * email the owner opens in Chromium, votes from, and gets the receipt for, on the page and
 * by email. axe checks the election pages and every step of the ballot.
 */

const session = openBrowserPage();
const OWNER = "owner@coop.example";
let election: TestElection;
let title = "";

beforeAll(async () => {
  // A record date of tomorrow puts every ownership approved by now on the roll, the demo one included.
  election = draftElection("email-journey", { recordDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) });
  title = withPortalDb((sqlite) => sqlite.prepare("select title from elections where id = ?").pluck().get(election.id) as string);
  // The server looks for drafts whose window has begun every ELECTION_CHECK_MS (a second in the tests).
  await waitFor("the opener to open the draft", () => withPortalDb((sqlite) => sqlite.prepare("select status from elections where id = ?").pluck().get(election.id) === "open"), 20_000, 200);
});

describe("voting from the ballot email", () => {
  it("opens the emailed link, votes after the review step, sees the receipt code, and gets the same code by email; axe finds nothing", async () => {
    const { page } = session;
    const ballotEmail = await waitForEmail(OWNER, (email) => email.subject === `Your ballot: ${title}`);
    const link = /https?:\/\/\S+?\/vote\?token=[0-9a-f]{64}/.exec(ballotEmail.text)?.[0];
    expect(link).toBeDefined();
    expect(new URL(link!).pathname).toBe(`/elections/${election.slug}/vote`);
    // The email's own button carries the same link.
    expect(ballotEmail.html).toContain(link!.replaceAll("&", "&amp;"));

    await page.goto(portalUrl("/elections"));
    await page.getByRole("link", { name: title }).waitFor();
    await expectNoAxeViolations(page);
    await page.goto(portalUrl(`/elections/${election.slug}`));
    await page.locator("meter#turnout-meter").waitFor();
    await expectNoAxeViolations(page);

    await page.goto(link!);
    const board = page.getByRole("group", { name: "Board: vote for up to 2" });
    await waitForHydration(board.getByLabel("Ada Apple"));
    await expectNoAxeViolations(page);
    await board.getByLabel("Ada Apple").check();
    await page.getByRole("group", { name: "Bylaw change" }).getByLabel("No").check();
    await page.getByRole("button", { name: "Review my choices" }).click();
    const review = page.getByRole("region", { name: "Check your choices" });
    await review.waitFor();
    expect(await review.locator("dd").first().innerText()).toBe("Ada Apple");
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Cast my ballot" }).click();
    const receipt = page.locator("[data-receipt-code]");
    await receipt.waitFor();
    const code = (await receipt.textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await expectNoAxeViolations(page);

    // The title is this file's own, so only this cast's receipt has this subject.
    const receiptEmail = await waitForEmail(OWNER, (email) => email.subject === `Your ballot was counted: ${title}`);
    expect(receiptEmail.text).toContain(`Your receipt code is ${code}.`);
    // The receipt holds the code, never the choices.
    expect(receiptEmail.text).not.toContain("Ada Apple");
    expect(withPortalDb((sqlite) => sqlite.prepare("select count(*) from election_receipts where election_id = ? and code = ?").pluck().get(election.id, code))).toBe(1);
  });
});
