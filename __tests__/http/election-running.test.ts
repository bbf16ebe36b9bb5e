import crypto from "node:crypto";
import { JSDOM } from "jsdom";
import { callAction, hasField, scrapeForm, type ActionAnswer } from "../helpers/forms";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";
import { waitFor } from "../helpers/wait-for";
import { waitForEmail } from "../helpers/wait-for-email";

jest.setTimeout(240_000);

/*
 * Running an election on the shared portal: the roll, paper marks against online votes,
 * paper batches, reminders, the close by the server's own election loop, results, the CSV
 * and certifying. The election and its ownerships are this file's own, so the demo
 * election and the demo owner stay as the other suites expect them.
 */

const run = crypto.randomBytes(4).toString("hex");
const slug = `running-${run}`;
const staff = storedSessionCookie(`running-staff-${run}@coop.example`, "staff");
const admin = storedSessionCookie(`running-admin-${run}@coop.example`, "admin");

type Ownership = { ownerId: number; ownerNumber: number; email: string };
let election: { id: number; raceId: number; candidates: number[]; measureId: number };
let owners: Ownership[];

const scalar = <T>(query: string, ...params: unknown[]) => withPortalDb((sqlite) => sqlite.prepare(query).pluck().get(...params) as T);

/** An active ownership of this file's, with a primary owner's account. */
function ownership(label: string): Ownership {
  return withPortalDb((sqlite) => {
    const email = `running-${label}-${run}@coop.example`;
    const userId = crypto.randomUUID();
    sqlite.prepare("insert into users (id, email, role, created_at) values (?, ?, 'member', ?)").run(userId, email, Date.now());
    // Numbered from the portal's own sequence, as an approval numbers them, so that no later approval meets the number.
    const ownerNumber = sqlite.prepare("update owner_number_sequence set next = next + 1 where id = 1 returning next - 1").pluck().get() as number;
    const ownerId = Number(
      sqlite
        .prepare("insert into owners (owner_number, user_id, name, plan_id, joined_on, created_at) values (?, ?, ?, 'full', '2026-01-01', ?)")
        .run(ownerNumber, userId, `Running ${label} ${run}`, Date.now()).lastInsertRowid,
    );
    return { ownerId, ownerNumber, email };
  });
}

/** A ballot link for an ownership, as the opening (or a reminder) emails it. */
function ballotLink(owner: Ownership) {
  const token = crypto.randomBytes(32).toString("hex");
  const hash = crypto.createHash("sha256").update(token).digest("hex");
  withPortalDb((sqlite) =>
    sqlite
      .prepare("insert into election_ballot_links (election_id, owner_id, token_hash, expires_at) values (?, ?, ?, ?)")
      .run(election.id, owner.ownerId, hash, Date.now() + 86_400_000),
  );
  return `/elections/${slug}/vote?token=${token}`;
}

/** The ballot form's hidden fields behind a fresh link, read before anything is cast (after a vote the page shows no form). */
async function ballotForm(owner: Ownership) {
  const link = ballotLink(owner);
  const form = [...(await page(link)).document.querySelectorAll("form")].find((candidate) => candidate.querySelector('input[name="slug"]'));
  if (!form) throw new Error(`No ballot form on ${link}`);
  const fields: Record<string, string> = {};
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="hidden"]')) fields[input.name] = input.value;
  return { link, fields };
}

/** Casts as the ballot page's script does: its hidden fields, then the marks. */
const cast = (ballot: { link: string; fields: Record<string, string> }, choices: Record<string, string>) => callAction(ballot.link, { ...ballot.fields, ...choices });

const page = async (path: string, cookie?: string) => {
  const response = await fetch(portalUrl(path), { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  const body = await response.text();
  return { response, body, document: new JSDOM(body).window.document };
};

const rollPath = () => `/staff/elections/${election.id}/roll`;
const paperPath = () => `/staff/elections/${election.id}/paper`;
const resultsPath = () => `/staff/elections/${election.id}/results`;
const buttonLabelled = (label: string) => (form: HTMLFormElement) => form.querySelector("button")?.textContent?.includes(label) ?? false;
const markForm = (owner: Ownership) => scrapeForm(rollPath(), staff, hasField("ownerId", String(owner.ownerId)));

beforeAll(() => {
  owners = ["paper", "online", "waiting", "removed"].map(ownership);
  const now = Date.now();
  election = withPortalDb((sqlite) => {
    const id = Number(
      sqlite
        .prepare(
          "insert into elections (slug, title, opens_at, closes_at, record_date, quorum_kind, quorum_value, status, created_at, updated_at) values (?, ?, ?, ?, '2026-01-01', 'count', 2, 'open', ?, ?)",
        )
        .run(slug, `Running test ${run}`, now - 3_600_000, now + 86_400_000, now, now).lastInsertRowid,
    );
    const raceId = Number(sqlite.prepare("insert into election_races (election_id, position, title, seats, write_in) values (?, 1, 'Board', 1, 1)").run(id).lastInsertRowid);
    const candidates = ["Ada Apple", "Ben Beet"].map((name, index) =>
      Number(sqlite.prepare("insert into election_candidates (race_id, position, name) values (?, ?, ?)").run(raceId, index + 1, name).lastInsertRowid),
    );
    const measureId = Number(sqlite.prepare("insert into election_measures (election_id, position, title, text) values (?, 1, 'Bylaw change', 'The text.')").run(id).lastInsertRowid);
    for (const owner of owners) sqlite.prepare("insert into election_roll (election_id, owner_id, added_at) values (?, ?, ?)").run(id, owner.ownerId, now);
    return { id, raceId, candidates, measureId };
  });
});

describe("the roll", () => {
  it("shows each ownership's number, name and whether it voted; a paper mark then refuses an online ballot, and an online ballot refuses a paper mark", async () => {
    const [onPaper, online] = owners as [Ownership, Ownership];
    const { response, body } = await page(rollPath(), staff);
    expect(response.status).toBe(200);
    expect(body).toContain(String(onPaper.ownerNumber));
    expect(body).toContain(`Running paper ${run}`);

    const paperBallot = await ballotForm(onPaper);
    expect(await callAction(rollPath(), await markForm(onPaper), staff)).toMatchObject({ ok: true });
    expect(scalar("select channel from election_roll where election_id = ? and owner_id = ?", election.id, onPaper.ownerId)).toBe("paper");
    const refusedOnline = await cast(paperBallot, { [`measure-${election.measureId}`]: "yes" });
    expect(refusedOnline).toMatchObject({ ok: false, message: expect.stringMatching(/^Your household’s vote was cast on .+ on paper\./) });

    const markOnline = await markForm(online);
    expect(await cast(await ballotForm(online), { [`race-${election.raceId}`]: String(election.candidates[0]), [`measure-${election.measureId}`]: "no" })).toMatchObject({ ok: true });
    expect(await callAction(rollPath(), markOnline, staff)).toMatchObject({
      ok: false,
      message: expect.stringMatching(new RegExp(`^Owner ${online.ownerNumber} already voted online on .+ Each ownership has one vote, so nothing was recorded\\.$`)),
    });
    expect(scalar("select count(*) from election_ballots where election_id = ?", election.id)).toBe(1);
    expect(scalar("select channel from election_roll where election_id = ? and owner_id = ?", election.id, online.ownerId)).toBe("online");
  });

  it("finds an ownership by name or number without putting either in the URL", async () => {
    const [onPaper] = owners as [Ownership];
    const form = await scrapeForm(rollPath(), staff, hasField("q"));
    const found = (await callAction(rollPath(), { ...form, q: String(onPaper.ownerNumber) }, staff)) as { ok: true; data: { rows: { ownerNumber: number; channel: string }[] } };
    expect(found.data.rows).toEqual([expect.objectContaining({ ownerNumber: onPaper.ownerNumber, channel: "paper" })]);
    const byName = (await callAction(rollPath(), { ...form, q: `running waiting ${run}` }, staff)) as { ok: true; data: { rows: { ownerNumber: number }[] } };
    expect(byName.data.rows.map((row) => row.ownerNumber)).toEqual([owners[2]!.ownerNumber]);
  });

  it("lets an admin remove an ownership with a reason, audited; staff get no such form", async () => {
    const removed = owners[3]!;
    expect((await page(rollPath(), staff)).document.querySelector('input[name="reason"]')).toBeNull();
    const form = await scrapeForm(rollPath(), admin, hasField("change", "remove"));
    expect(await callAction(rollPath(), { ...form, ownerNumber: String(removed.ownerNumber), reason: "" }, admin)).toMatchObject({ ok: false, fieldErrors: { reason: ["Required."] } });
    expect(await callAction(rollPath(), { ...form, ownerNumber: String(removed.ownerNumber), reason: "Moved away before the record date" }, admin)).toMatchObject({ ok: true });
    expect(scalar("select removed_reason from election_roll where election_id = ? and owner_id = ?", election.id, removed.ownerId)).toBe("Moved away before the record date");
    const audit = withPortalDb((sqlite) => sqlite.prepare("select detail from audit_log where action = 'election.roll_remove' and subject_id = ?").pluck().get(String(election.id)) as string);
    expect(JSON.parse(audit)).toMatchObject({ ownerNumber: removed.ownerNumber, reason: "Moved away before the record date" });
  });
});

describe("paper batches", () => {
  it("refuses a batch with a bad total at its field and writes nothing; a good batch is listed with its count", async () => {
    const form = await scrapeForm(paperPath(), staff, hasField("ballots"));
    const candidateField = `race-${election.raceId}-candidate-${election.candidates[1]}`;
    expect(form).toHaveProperty(candidateField);
    const footprint = () => ({
      batches: scalar<number>("select count(*) from election_paper_batches where election_id = ?", election.id),
      audit: scalar<number>("select count(*) from audit_log where action = 'election.paper_batch'"),
    });
    const before = footprint();
    const refused = (await callAction(paperPath(), { ...form, ballots: "2", [candidateField]: "3" }, staff)) as ActionAnswer & { fieldErrors: Record<string, string[]> };
    expect(refused).toMatchObject({ ok: false, fieldErrors: { [candidateField]: [expect.stringMatching(/^This race has more marks than the batch's ballots allow/)] } });
    expect(await callAction(paperPath(), { ...form, ballots: "2", [`measure-${election.measureId}-yes`]: "two" }, staff)).toMatchObject({
      ok: false,
      fieldErrors: { [`measure-${election.measureId}-yes`]: ["Every total must be a whole number, 0 or more."] },
    });
    expect(footprint()).toEqual(before);

    expect(await callAction(paperPath(), { ...form, ballots: "2", [candidateField]: "2", [`measure-${election.measureId}-no`]: "2" }, staff)).toMatchObject({ ok: true });
    expect(footprint()).toEqual({ batches: before.batches + 1, audit: before.audit + 1 });
    const listed = (await page(paperPath(), staff)).document.querySelector('[aria-label="Paper batches entered, newest first"] tbody tr');
    expect([...listed!.querySelectorAll("td")].map((cell) => cell.textContent)).toEqual([expect.any(String), `running-staff-${run}@coop.example`, "2"]);
  });
});

describe("reminders", () => {
  it("email a fresh ballot link to an ownership that has not voted, once; a second round the same day is refused with when", async () => {
    const waiting = owners[2]!;
    const form = await scrapeForm(rollPath(), staff, buttonLabelled("Send reminders"));
    const sent = (await callAction(rollPath(), form, staff)) as { ok: boolean; data: { emailsQueued: number } };
    // The paper voter, the online voter and the removed ownership are not reminded.
    expect(sent).toMatchObject({ ok: true, data: { emailsQueued: 1 } });
    const mail = await waitForEmail(waiting.email, (email) => email.subject.startsWith("Reminder:"));
    expect(mail.text).toMatch(new RegExp(`/elections/${slug}/vote\\?token=[0-9a-f]{64}`));
    expect(await callAction(rollPath(), form, staff)).toMatchObject({ ok: false, message: expect.stringMatching(/^Reminders went out less than a day ago.+The next can be sent from .+\.$/) });
  });
});

describe("results", () => {
  it("before the close, show no tally on the staff page, the CSV or the public page", async () => {
    const staffPage = await page(resultsPath(), admin);
    expect(staffPage.response.status).toBe(200);
    expect(staffPage.document.querySelector("table, #results")).toBeNull();
    expect(staffPage.body).not.toContain("Ada Apple");
    expect(staffPage.body).toContain("Not counted yet");
    const csv = await fetch(portalUrl(`${resultsPath()}.csv`), { headers: { Cookie: staff } });
    expect(csv.status).toBe(409);
    expect(await csv.text()).not.toContain("Ada Apple");
    const publicPage = await page(`/elections/${slug}`);
    expect(publicPage.document.querySelector("#results, table")).toBeNull();
  });

  it("close by themselves once the window ends, counted online and on paper, with the CSV; an admin certifies and the public page and an owner who asked hear of it", async () => {
    const asking = owners[2]!;
    const owner = storedSessionCookie(asking.email);
    const preference = await scrapeForm("/account", owner, hasField("wanted", "yes"));
    expect(await callAction("/account", preference, owner)).toMatchObject({ ok: true, data: { wanted: true } });

    withPortalDb((sqlite) => sqlite.prepare("update elections set closes_at = ? where id = ?").run(Date.now() - 1_000, election.id));
    await waitFor("the server's election loop to close the election", () => scalar("select status from elections where id = ?", election.id) === "closed", 20_000, 200);

    const closed = await page(resultsPath(), staff);
    const rows = [...closed.document.querySelectorAll('[aria-label="Votes for Board"] tbody tr')].map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ["Ben Beet", "0", "2", "2", "Elected"],
      ["Ada Apple", "1", "0", "1", ""],
    ]);
    expect(closed.document.querySelector('input[name="confirm"]')).toBeNull();
    expect((await page(`/elections/${slug}`)).document.querySelector("#results")).toBeNull();

    const csv = await fetch(portalUrl(`${resultsPath()}.csv`), { headers: { Cookie: staff } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await csv.text()).replace(/^\uFEFF/, "").trim().split("\n")).toEqual([
      "section,contest,choice,online,paper,total,outcome",
      "race,Board,Ben Beet,0,2,2,elected",
      "race,Board,Ada Apple,1,0,1,",
      "measure,Bylaw change,yes,0,0,0,",
      "measure,Bylaw change,no,1,2,3,",
      "measure,Bylaw change,abstain,0,0,0,",
      "ballots,ballots counted,,1,2,3,",
      "turnout,ownerships that voted,of 3 on the roll,,,2,",
      "quorum,ownerships needed,,,,2,met",
    ]);

    const certify = await scrapeForm(resultsPath(), admin, hasField("confirm"));
    const { confirm: _unticked, ...withoutConfirm } = certify;
    expect(await callAction(resultsPath(), withoutConfirm, admin)).toMatchObject({ ok: false, fieldErrors: { confirm: [expect.stringMatching(/^Tick this box/)] } });
    expect(await callAction(resultsPath(), { ...certify, confirm: "on" }, admin)).toMatchObject({ ok: true });
    expect(scalar("select status from elections where id = ?", election.id)).toBe("certified");
    const published = await waitFor("the public page's results", async () => (await page(`/elections/${slug}`)).document.querySelector("#results") ?? undefined);
    expect(published.textContent).toBe("Results");
    const mail = await waitForEmail(asking.email, (email) => email.subject.startsWith("Results published:"));
    expect(mail.text).toContain(`/elections/${slug}#results`);
    expect(mail.text).not.toContain("Ben Beet");
  });
});
