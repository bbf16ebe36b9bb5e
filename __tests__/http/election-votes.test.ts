import { callAction } from "../helpers/forms";
import {
  ballotFormFields,
  ballotLink,
  ballotPage as page,
  castWithoutJavaScript,
  electionState as state,
  openTestElection,
  receiptCodeOn,
} from "../helpers/elections";
import { withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(180_000);

/*
 * The ballot page, /elections/[slug]/vote, on the demo portal. Each test votes in an
 * election of its own (the demo ownership on its roll), so that the demo election stays
 * unvoted for the other suites.
 */

const OVER_VOTE = "This race has more choices marked than it has seats. Unmark some, then cast your ballot again.";
const ONLY_PRIMARY = "In this election only the primary owner casts the household’s vote. Please ask them to vote, online or on paper.";

/** The ballots /account offers: the links of its "Vote in …" box. */
const accountBallotLinks = async (cookie: string) =>
  [...(await page("/account", cookie)).document.querySelectorAll('[aria-labelledby="ballots-heading"] a')].map((anchor) => anchor.getAttribute("href"));

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
