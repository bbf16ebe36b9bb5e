import { expectNoAxeViolations, openBrowserPage } from "../helpers/browser";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { signInByStoredSession, signInThroughEmail } from "../helpers/browser-sign-in";

jest.setTimeout(120_000);

const session = openBrowserPage();

describe("staff sign in and edit a page", () => {
  it("shows a field error and keeps what was typed when the address is malformed", async () => {
    await session.page.goto(portalUrl("/login"));
    await expectNoAxeViolations(session.page);
    const field = session.page.getByLabel("Email address");
    await field.fill("staff-at-example");
    await session.page.getByRole("button", { name: "Email me a sign-in link" }).click();
    const error = session.page.getByText("Enter an email address like name@example.com.");
    await error.waitFor();
    expect(await session.page.getByLabel("Email address").inputValue()).toBe("staff-at-example");
    const describedBy = await session.page.getByLabel("Email address").getAttribute("aria-describedby");
    expect(await error.getAttribute("id")).toBe(describedBy);
    await expectNoAxeViolations(session.page);
  });

  it("signs in with the link from the outbox and edits the About page, which shows the change", async () => {
    await session.page.goto(portalUrl("/staff/pages/about"));
    await session.page.waitForURL(/\/login\?callbackUrl=/);
    await signInThroughEmail(session.page, "staff@coop.example");
    await session.page.waitForURL(portalUrl("/staff/pages/about"));
    await expectNoAxeViolations(session.page);

    const sentence = `Fresh bread arrives every morning (${Date.now()}).`;
    const editor = session.page.getByLabel("Text (Markdown)");
    await editor.fill(`${await editor.inputValue()}\n\n${sentence}`);
    await session.page.getByRole("region", { name: "Preview" }).getByText(sentence).waitFor();
    await session.page.getByRole("button", { name: "Save page" }).click();
    await session.page.getByRole("status").getByText("Saved.", { exact: false }).waitFor();

    await session.page.goto(portalUrl("/about"));
    expect(await session.page.locator("main article").textContent()).toContain(sentence);
  });

  it("staff pages have no accessibility violations", async () => {
    for (const path of ["/staff", "/staff/pages", "/staff/monographs", "/staff/monographs/new", "/account"]) {
      await session.page.goto(portalUrl(path));
      await expectNoAxeViolations(session.page);
    }
  });

  it("signs out from the account page", async () => {
    await session.page.goto(portalUrl("/account"));
    await session.page.getByRole("button", { name: "Sign out", exact: true }).click();
    await session.page.waitForURL(/\/login\?signedOut=1$/);
    await session.page.goto(portalUrl("/staff"));
    await session.page.waitForURL(/\/login\?callbackUrl=/);
  });

  it("admin pages have no accessibility violations", async () => {
    // Signing in was proven above; an admin's session is stored straight away.
    await signInByStoredSession(session.page.context(), "admin@coop.example", "admin");
    // The demo's elections: one taking ballots, one certified.
    const election = (status: string) => withPortalDb((db) => db.prepare("select id from elections where status = ? order by id limit 1").pluck().get(status)) as number;
    const [open, certified] = [election("open"), election("certified")];
    const electionPages = ["/staff/elections", "/staff/elections/new", `/staff/elections/${open}`, `/staff/elections/${open}/roll`, `/staff/elections/${open}/paper`, `/staff/elections/${open}/results`];
    const certifiedPages = [`/staff/elections/${certified}`, `/staff/elections/${certified}/results`, `/staff/elections/${certified}/preview`];
    for (const path of ["/staff/settings", "/staff/people", "/staff/audit", "/staff/outbox", ...electionPages, ...certifiedPages]) {
      await session.page.goto(portalUrl(path));
      expect(await session.page.locator("main h1").count()).toBe(1);
      await expectNoAxeViolations(session.page);
    }
  });

  it("an admin looks an address up and erases it, the counts and the tick box readable by everyone", async () => {
    const email = `browser-erasure-${Date.now()}@coop.example`;
    withPortalDb((db) => db.prepare("insert into newsletter_subscribers (email, status, signed_up_at) values (?, 'pending', ?)").run(email, Date.now()));
    await session.page.goto(portalUrl("/staff/people/erase"));
    await expectNoAxeViolations(session.page);
    await session.page.locator("main").getByLabel("Email address").fill(email);
    await session.page.getByRole("button", { name: "Look up" }).click();
    await session.page.getByRole("heading", { name: `What the portal holds for ${email}` }).waitFor();
    expect(await session.page.locator("main dl").textContent()).toContain("Waiting for confirmation");
    await expectNoAxeViolations(session.page);
    await session.page.getByLabel("I have checked", { exact: false }).check();
    await session.page.getByRole("button", { name: "Erase everything listed" }).click();
    await session.page.waitForURL(portalUrl("/staff/people/erase?erased=1"));
    await session.page.getByRole("status").getByText("The address was erased", { exact: false }).waitFor();
    expect(withPortalDb((db) => db.prepare("select count(*) from newsletter_subscribers where email = ?").pluck().get(email))).toBe(0);
  });
});
