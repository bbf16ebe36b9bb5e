import { JSDOM } from "jsdom";
import { text } from "../helpers/html";
import { withOwnPortal } from "../helpers/owners";
import { portalUrl } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";

// Staff can tell people how long their data stays: the settings page lists every period,
// read from the same variables and settings the daily maintenance reads.

jest.setTimeout(120_000);

it("the settings page shows each period, as configured where the portal runs", async () => {
  await withOwnPortal("retention-periods", { OUTBOX_KEEP_DAYS: "45", DECLINED_APPLICATION_KEEP_DAYS: "200", BACKUP_KEEP: "9" }, async () => {
    const admin = storedSessionCookie("admin@coop.example", "admin");
    const html = await (await fetch(portalUrl("/staff/settings"), { headers: { Cookie: admin } })).text();
    const table = new JSDOM(html).window.document.querySelector('section[aria-labelledby="retention-heading"] table');
    expect(table).not.toBeNull();
    const rows = Object.fromEntries([...table!.querySelectorAll("tbody tr")].map((row) => [text(row.querySelector("th")), text(row.querySelector("td"))]));
    expect(rows).toMatchObject({
      "Newsletter signups never confirmed": expect.stringContaining("7 days after signing up"),
      "Job applications and résumés": expect.stringContaining("365 days after the posting closes"),
      "Owner applications, declined": expect.stringContaining("200 days after the decision"),
      "Owner applications, withdrawn by the applicant": expect.stringContaining("at once"),
      "Owner applications, approved": expect.stringContaining("as long as the ownership"),
      "Sent and failed emails": expect.stringContaining("after 45 days"),
      "Household invitations": expect.stringContaining("14 days"),
      Backups: expect.stringContaining("newest 9"),
    });
  });
});
