import crypto from "node:crypto";
import { expectNoAxeViolations, openBrowserPage, waitForHydration } from "../helpers/browser";
import { signInByStoredSession } from "../helpers/browser-sign-in";
import { portalUrl, withPortalDb } from "../helpers/portal";

jest.setTimeout(120_000);

const session = openBrowserPage();
const run = crypto.randomBytes(4).toString("hex");
const slug = `ballot-browser-${run}`;

beforeAll(async () => {
  await signInByStoredSession(session.page.context(), "owner@coop.example");
  // An election of this file's own, so that the demo election stays unvoted for the other suites.
  const now = Date.now();
  withPortalDb((sqlite) => {
    const id = sqlite
      .prepare(
        "insert into elections (slug, title, opens_at, closes_at, record_date, quorum_kind, quorum_value, status, created_at, updated_at) values (?, 'Browser ballot', ?, ?, '2026-01-01', 'count', 1, 'open', ?, ?)",
      )
      .run(slug, now - 3_600_000, now + 86_400_000, now, now).lastInsertRowid;
    const raceId = sqlite.prepare("insert into election_races (election_id, position, title, seats, candidate_order) values (?, 1, 'Board', 2, 'shuffled')").run(id).lastInsertRowid;
    ["Ada Apple", "Ben Beet", "Cy Chard"].forEach((name, index) => sqlite.prepare("insert into election_candidates (race_id, position, name) values (?, ?, ?)").run(raceId, index + 1, name));
    sqlite.prepare("insert into election_measures (election_id, position, title, text) values (?, 1, 'Bylaw change', 'The **full** text.')").run(id);
    const ownerId = sqlite.prepare("select owners.id from owners join users on users.id = owners.user_id where users.email = 'owner@coop.example'").pluck().get();
    sqlite.prepare("insert into election_roll (election_id, owner_id, added_at) values (?, ?, ?)").run(id, ownerId, now);
  });
});

describe("the ballot in a browser", () => {
  it("reviews the choices before casting, keeps them when a race is over-voted, then shows the receipt; axe finds nothing", async () => {
    const { page } = session;
    await page.goto(portalUrl(`/elections/${slug}/vote`));
    const board = page.getByRole("group", { name: "Board: vote for up to 2" });
    await waitForHydration(board.getByLabel("Ada Apple"));
    await expectNoAxeViolations(page);
    for (const name of ["Ada Apple", "Ben Beet", "Cy Chard"]) await board.getByLabel(name).check();
    await page.getByRole("group", { name: "Bylaw change" }).getByLabel("Yes").check();

    await page.getByRole("button", { name: "Review my choices" }).click();
    // The race is shuffled, so the review lists the names in the order this ballot showed them.
    const reviewed = async () => (await page.getByRole("region", { name: "Check your choices" }).locator("dd").first().innerText()).split(", ").sort();
    expect(await reviewed()).toEqual(["Ada Apple", "Ben Beet", "Cy Chard"]);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Cast my ballot" }).click();
    await page.getByText("This race has more choices marked than it has seats.", { exact: false }).waitFor();
    expect(await board.getByLabel("Cy Chard").isChecked()).toBe(true);

    await board.getByLabel("Cy Chard").uncheck();
    await page.getByRole("button", { name: "Review my choices" }).click();
    expect(await reviewed()).toEqual(["Ada Apple", "Ben Beet"]);
    await page.getByRole("button", { name: "Cast my ballot" }).click();
    const receipt = page.locator("[data-receipt-code]");
    await receipt.waitFor();
    expect(await receipt.textContent()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await expectNoAxeViolations(page);
  });
});
