import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { callAction, type FormFields } from "../helpers/forms";
import { addOwnership, approveDemoOwnershipDaysAgo, ballotFormFields, ballotPage, draftElection, electionState, onElectionPortal, receiptCodeOn, castWithoutJavaScript, type TestElection } from "../helpers/elections";
import { text } from "../helpers/html";
import { withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";
import { waitFor } from "../helpers/wait-for";
import { emailsTo, waitForEmail } from "../helpers/wait-for-email";

jest.setTimeout(180_000);

/*
 * Who may not vote, over HTTP, in an election the portal opened itself: an ownership
 * approved after the record date, one removed from the roll, and anyone before the window
 * opens or after it closes (a portal clock the test moves). Each is refused with its own
 * words, on the ballot page and from the ballot's action, and nothing is written. A portal
 * of this file's own: it adds ownerships and moves the clock. (A household member where
 * only the primary owner votes is refused in election-votes.test.ts.)
 */

const run = crypto.randomBytes(4).toString("hex");
const NOT_ON_ROLL = "Your ownership is not on this election’s list of voters. If you think it should be, please ask at the store.";
const NOT_TAKING_BALLOTS = "This election is not taking ballots now: voting has not begun, or it has closed.";
const LINK_NOT_VALID = "This ballot link does not work any more. Sign in to vote from your account, or ask at the store for a paper ballot.";
const HOUR = 3_600_000;

const late = `late-${run}@coop.example`;
const removed = `removed-${run}@coop.example`;
let clockFile = "";
let election: TestElection;
let removedOwnerId = 0;

onElectionPortal("election-eligibility", {
  clockFile: (dataDir) => (clockFile = path.join(dataDir, "clock-offset")),
  // Before the portal starts, so that the opener's first run opens the draft: the record
  // date is three days ago; the demo ownership and `removed` were approved before it, `late` after.
  prepare: () => {
    approveDemoOwnershipDaysAgo(10);
    removedOwnerId = addOwnership(removed, 10);
    addOwnership(late, 1);
    election = draftElection("eligibility");
  },
});

const votePath = () => `/elections/${election.slug}/vote`;

/** Everything a cast could write: the election's ballots, receipts, links and whole roll, and the mail queue. */
const written = () => ({
  ...electionState(election),
  roll: withPortalDb((sqlite) => sqlite.prepare("select * from election_roll where election_id = ? order by owner_id").all(election.id)),
});

/** The ballot's action fields (React's reference, the slug), read from the demo owner's signed-in ballot while it is open. */
let actionFields: FormFields;
/** The demo owner's ballot link, from the ballot email the opening sent. */
let demoLink = "";

const linkIn = async (email: string) => {
  const message = await waitForEmail(email, (candidate) => candidate.subject.startsWith("Your ballot:"));
  const url = /https?:\/\/\S+?\/vote\?token=[0-9a-f]{64}/.exec(message.text)?.[0];
  if (!url) throw new Error(`No ballot link in the email to ${email}`);
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
};

/** Moves the portal's clock by `offsetMs` and waits until the ballot page shows it. */
async function setClock(offsetMs: number, shows: (headline: string) => boolean) {
  fs.writeFileSync(clockFile, String(offsetMs));
  await waitFor(`the ballot page at a clock ${offsetMs} ms ahead`, async () => shows(text((await ballotPage(demoLink)).document.querySelector("h1"))));
}

/** Asks the ballot's action to cast a ballot (by `token`, or as the signed-in `cookie`) and answers its refusal's words. */
async function refusal(options: { token?: string; cookie?: string }) {
  const answer = await callAction(votePath(), { ...actionFields, ...(options.token && { token: options.token }), [`race-${election.raceId}`]: String(election.candidateIds[0]), [`measure-${election.measureId}`]: "yes" }, options.cookie);
  expect(answer).toMatchObject({ ok: false });
  return (answer as { message?: string }).message;
}

const tokenOf = (link: string) => new URL(link, "http://x").searchParams.get("token")!;

beforeAll(async () => {
  await waitFor("the opener to open the draft", () => withPortalDb((sqlite) => sqlite.prepare("select status from elections where id = ?").pluck().get(election.id) === "open"), 20_000, 200);
  demoLink = await linkIn("owner@coop.example");
  const { token: _token, ...fields } = await ballotFormFields(votePath(), storedSessionCookie("owner@coop.example"));
  actionFields = fields;
});

describe("eligibility, in an election the portal opened", () => {
  it("an ownership approved after the record date is not on the roll, gets no ballot email, and is refused on the page and by the action", async () => {
    const lateOwner = withPortalDb((sqlite) => sqlite.prepare("select owners.id from owners join users on users.id = owners.user_id where users.email = ?").pluck().get(late));
    const rollOwners = withPortalDb((sqlite) => sqlite.prepare("select owner_id from election_roll where election_id = ?").pluck().all(election.id));
    expect(rollOwners).toContain(removedOwnerId);
    expect(rollOwners).not.toContain(lateOwner);
    await linkIn(removed);
    expect((await emailsTo(late)).filter((email) => email.subject.startsWith("Your ballot:"))).toEqual([]);

    const cookie = storedSessionCookie(late);
    const before = written();
    const { document } = await ballotPage(votePath(), cookie);
    expect(text(document.querySelector("h1"))).toBe("You cannot vote here");
    expect(text(document.querySelector("main"))).toContain(NOT_ON_ROLL);
    expect(document.querySelector(`input[name="race-${election.raceId}"]`)).toBeNull();
    expect(await refusal({ cookie })).toBe(NOT_ON_ROLL);
    expect(written()).toEqual(before);
  });

  it("an ownership removed from the roll is refused by its emailed link and signed in", async () => {
    const link = await linkIn(removed);
    withPortalDb((sqlite) => sqlite.prepare("update election_roll set removed_at = ?, removed_reason = 'Moved away' where election_id = ? and owner_id = ?").run(Date.now(), election.id, removedOwnerId));
    const cookie = storedSessionCookie(removed);
    const before = written();
    for (const [label, page] of [
      ["by link", await ballotPage(link)],
      ["signed in", await ballotPage(votePath(), cookie)],
    ] as const) {
      expect({ label, headline: text(page.document.querySelector("h1")) }).toEqual({ label, headline: "You cannot vote here" });
      expect(text(page.document.querySelector("main"))).toContain(NOT_ON_ROLL);
    }
    expect(await refusal({ token: tokenOf(link) })).toBe(NOT_ON_ROLL);
    expect(await refusal({ cookie })).toBe(NOT_ON_ROLL);
    expect(written()).toEqual(before);
  });

  it("refuses every ballot before the window opens and after it closes (a shifted clock), then takes the ballot inside it, once", async () => {
    const cookie = storedSessionCookie("owner@coop.example");
    const before = written();

    // Two hours back: the window opened an hour ago by the real clock.
    await setClock(-2 * HOUR, (headline) => headline === "Voting is not open");
    expect(text((await ballotPage(votePath(), cookie)).document.querySelector("h1"))).toBe("Voting is not open");
    expect(await refusal({ token: tokenOf(demoLink) })).toBe(NOT_TAKING_BALLOTS);
    expect(await refusal({ cookie })).toBe(NOT_TAKING_BALLOTS);
    expect(written()).toEqual(before);

    // Two days on: the window closed a day after it opened, and the link with it.
    await setClock(48 * HOUR, (headline) => headline === "This ballot link does not work");
    expect(text((await ballotPage(votePath(), cookie)).document.querySelector("h1"))).toBe("Voting is not open");
    expect(await refusal({ token: tokenOf(demoLink) })).toBe(LINK_NOT_VALID);
    expect(await refusal({ cookie })).toBe(NOT_TAKING_BALLOTS);
    expect(written()).toEqual(before);

    // Back to now: the same link casts, once; a second use is told the vote is in.
    await setClock(0, (headline) => headline === "Test election eligibility");
    const fields = await ballotFormFields(demoLink);
    const cast = await castWithoutJavaScript(demoLink, fields, [[`measure-${election.measureId}`, "no"]]);
    expect(receiptCodeOn(cast)).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const voted = written();
    expect(voted).toMatchObject({ ballots: before.ballots + 1, receipts: before.receipts + 1, voted: before.voted + 1 });
    expect(await refusal({ token: tokenOf(demoLink) })).toMatch(/^Your household’s vote was cast on .+ online\. Each ownership votes once/);
    expect(written()).toEqual(voted);
  });
});
