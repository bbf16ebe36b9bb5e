import crypto from "node:crypto";
import { JSDOM } from "jsdom";
import { callAction, type FormFields } from "../helpers/forms";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(180_000);

/*
 * The ballot page, /elections/[slug]/vote, on the demo portal. Each test votes in an
 * election of its own (the demo ownership on its roll), so that the demo election stays
 * unvoted for the other suites.
 */

const run = crypto.randomBytes(4).toString("hex");
const OVER_VOTE = "This race has more choices marked than it has seats. Unmark some, then cast your ballot again.";
const ONLY_PRIMARY = "In this election only the primary owner casts the household’s vote. Please ask them to vote, online or on paper.";

type TestElection = { id: number; slug: string; raceId: number; candidateIds: number[]; measureId: number };

const demoOwnerId = () =>
  withPortalDb((sqlite) => sqlite.prepare("select owners.id from owners join users on users.id = owners.user_id where users.email = ?").pluck().get("owner@coop.example") as number);

/** An open election with one race (two seats of three, shuffled, write-ins allowed) and one measure; the demo ownership on its roll. */
function openTestElection(label: string, voters: "primary" | "any_adult" = "primary"): TestElection {
  const slug = `votes-${label}-${run}`;
  const now = Date.now();
  return withPortalDb((sqlite) => {
    const id = Number(
      sqlite
        .prepare(
          "insert into elections (slug, title, opens_at, closes_at, record_date, quorum_kind, quorum_value, voters, status, created_at, updated_at) values (?, ?, ?, ?, '2026-01-01', 'count', 1, ?, 'open', ?, ?)",
        )
        .run(slug, `Test election ${label}`, now - 3_600_000, now + 86_400_000, voters, now, now).lastInsertRowid,
    );
    const raceId = Number(sqlite.prepare("insert into election_races (election_id, position, title, seats, write_in, candidate_order) values (?, 1, 'Board', 2, 1, 'shuffled')").run(id).lastInsertRowid);
    const candidateIds = ["Ada Apple", "Ben Beet", "Cy Chard"].map((name, index) =>
      Number(sqlite.prepare("insert into election_candidates (race_id, position, name) values (?, ?, ?)").run(raceId, index + 1, name).lastInsertRowid),
    );
    const measureId = Number(sqlite.prepare("insert into election_measures (election_id, position, title, text) values (?, 1, 'Bylaw change', 'The text.')").run(id).lastInsertRowid);
    sqlite.prepare("insert into election_roll (election_id, owner_id, added_at) values (?, ?, ?)").run(id, demoOwnerId(), now);
    return { id, slug, raceId, candidateIds, measureId };
  });
}

/** A ballot link for the demo ownership, as the opening would email it. */
function ballotLink(election: TestElection) {
  const token = crypto.randomBytes(32).toString("hex");
  const hash = crypto.createHash("sha256").update(token).digest("hex");
  withPortalDb((sqlite) =>
    sqlite.prepare("insert into election_ballot_links (election_id, owner_id, token_hash, expires_at) values (?, ?, ?, ?)").run(election.id, demoOwnerId(), hash, Date.now() + 86_400_000),
  );
  return `/elections/${election.slug}/vote?token=${token}`;
}

/** What a cast could change: the election's ballots, receipts and roll, and the mail queue. */
const state = (election: TestElection) =>
  withPortalDb((sqlite) => ({
    ballots: sqlite.prepare("select count(*) from election_ballots where election_id = ?").pluck().get(election.id),
    receipts: sqlite.prepare("select count(*) from election_receipts where election_id = ?").pluck().get(election.id),
    voted: sqlite.prepare("select count(*) from election_roll where election_id = ? and voted_at is not null").pluck().get(election.id),
    links: sqlite.prepare("select count(*) from election_ballot_links where election_id = ?").pluck().get(election.id),
    outbox: sqlite.prepare("select count(*) from email_outbox").pluck().get(),
  }));

const page = async (path: string, cookie?: string) => {
  const response = await fetch(portalUrl(path), { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  return { response, document: new JSDOM(await response.text()).window.document };
};

/** The ballot form's own fields as a browser without JavaScript posts them: the hidden ones (React's action fields, slug, token). */
async function ballotFormFields(path: string, cookie?: string): Promise<FormFields> {
  const { document } = await page(path, cookie);
  const form = [...document.querySelectorAll("form")].find((candidate) => candidate.querySelector('input[name="slug"]'));
  if (!form) throw new Error(`No ballot form on ${path}`);
  const fields: FormFields = {};
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="hidden"]')) fields[input.name] = input.value;
  return fields;
}

/** Posts the ballot as a browser without JavaScript does (multipart, the choices as repeated fields), and reads the page it answers with. */
async function castWithoutJavaScript(path: string, fields: FormFields, choices: [string, string][], cookie?: string) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const [name, value] of choices) body.append(name, value);
  const response = await fetch(portalUrl(path), {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Origin: new URL(portalUrl()).origin, ...(cookie && { Cookie: cookie }) },
  });
  expect(response.status).toBe(200);
  return new JSDOM(await response.text()).window.document;
}

/** The ballots /account offers: the links of its "Vote in …" box. */
const accountBallotLinks = async (cookie: string) =>
  [...(await page("/account", cookie)).document.querySelectorAll('[aria-labelledby="ballots-heading"] a')].map((anchor) => anchor.getAttribute("href"));

const receiptCodeOn = (document: Document) => document.querySelector("[data-receipt-code]")?.textContent?.trim() ?? null;

describe("the ballot page", () => {
  it("opening a ballot link shows the ballot and changes nothing", async () => {
    const election = openTestElection("get");
    const link = ballotLink(election);
    const before = state(election);
    const { response, document } = await page(link);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(document.querySelectorAll(`input[type="checkbox"][name="race-${election.raceId}"]`)).toHaveLength(3);
    expect(document.querySelectorAll(`input[type="radio"][name="measure-${election.measureId}"]`)).toHaveLength(3);
    expect(document.body.textContent).toContain("vote for up to 2");
    expect(state(election)).toEqual(before);
  });

  it("casts by link without JavaScript: one ballot, the receipt code on the page, and a second use is told the vote is in", async () => {
    const election = openTestElection("link");
    const link = ballotLink(election);
    const fields = await ballotFormFields(link);
    const before = state(election);

    const overVote = await castWithoutJavaScript(link, fields, election.candidateIds.map((id) => [`race-${election.raceId}`, String(id)]));
    expect(overVote.getElementById(`race-${election.raceId}-error`)?.textContent).toBe(OVER_VOTE);
    expect(receiptCodeOn(overVote)).toBeNull();
    expect(state(election)).toEqual(before);

    const answered = await castWithoutJavaScript(link, fields, [
      [`race-${election.raceId}`, String(election.candidateIds[0])],
      [`race-${election.raceId}-write-in`, "Dee Dill"],
      [`measure-${election.measureId}`, "yes"],
    ]);
    const code = receiptCodeOn(answered);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(answered.body.textContent).not.toContain("Dee Dill");
    expect(state(election)).toMatchObject({ ballots: 1, receipts: 1, voted: 1 });
    expect(withPortalDb((sqlite) => sqlite.prepare("select count(*) from election_receipts where code = ?").pluck().get(code))).toBe(1);

    const again = await page(link);
    expect(again.document.body.textContent).toMatch(/Your household’s vote was cast on .+ online\./);
    expect(again.document.querySelector(`input[name="race-${election.raceId}"]`)).toBeNull();
    const secondTry = await castWithoutJavaScript(link, fields, [[`race-${election.raceId}`, String(election.candidateIds[1])]]);
    expect(receiptCodeOn(secondTry)).toBeNull();
    expect(state(election)).toMatchObject({ ballots: 1, receipts: 1, voted: 1 });
  });

  it("an unknown link shows how to vote otherwise, with no ballot", async () => {
    const election = openTestElection("unknown");
    const { document } = await page(`/elections/${election.slug}/vote?token=${"0".repeat(64)}`);
    expect(document.querySelector("h1")?.textContent).toBe("This ballot link does not work");
    expect(document.querySelector(`input[name="race-${election.raceId}"]`)).toBeNull();
  });

  it("casts for the signed-in owner without a link", async () => {
    const election = openTestElection("signed-in");
    const cookie = storedSessionCookie("owner@coop.example");
    const path = `/elections/${election.slug}/vote`;
    expect(await accountBallotLinks(cookie)).toContain(path);
    const fields = await ballotFormFields(path, cookie);
    expect(fields.token).toBeUndefined();
    const answered = await castWithoutJavaScript(path, fields, [[`measure-${election.measureId}`, "no"]], cookie);
    expect(receiptCodeOn(answered)).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(state(election)).toMatchObject({ ballots: 1, receipts: 1, voted: 1 });
    expect(await accountBallotLinks(cookie)).not.toContain(path);
  });

  it("refuses a household member when only the primary owner votes, on the page and from the action", async () => {
    const election = openTestElection("household");
    const household = storedSessionCookie("household@coop.example");
    const path = `/elections/${election.slug}/vote`;
    expect(await accountBallotLinks(household)).not.toContain(path);
    const { document } = await page(path, household);
    expect(document.body.textContent).toContain(ONLY_PRIMARY);
    expect(document.querySelector(`input[name="race-${election.raceId}"]`)).toBeNull();

    const before = state(election);
    const { token: _token, ...fields } = await ballotFormFields(ballotLink(election));
    const answer = await callAction(path, { ...fields, [`measure-${election.measureId}`]: "yes" }, household);
    expect(answer).toMatchObject({ ok: false, message: ONLY_PRIMARY });
    expect({ ...state(election), links: before.links }).toEqual(before);
  });

  it("asks a visitor with neither link nor session to sign in, by a full page load", async () => {
    const election = openTestElection("anonymous");
    const { document } = await page(`/elections/${election.slug}/vote`);
    const signIn = [...document.querySelectorAll("a")].find((anchor) => anchor.textContent === "Sign in to vote");
    expect(signIn?.getAttribute("href")).toBe(`/login?callbackUrl=${encodeURIComponent(`/elections/${election.slug}/vote`)}`);
    expect(document.querySelector("form input[name=slug]")).toBeNull();
  });
});
