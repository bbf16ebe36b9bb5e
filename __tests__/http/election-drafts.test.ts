import crypto from "node:crypto";
import { JSDOM } from "jsdom";
import { storeDay } from "@/lib/model/format";
import { storeDateTimeInput } from "@/lib/model/store-time";
import { callAction, hasField, scrapeForm, type ActionAnswer } from "../helpers/forms";
import { onOwnPortal } from "../helpers/hostile";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";

// A portal of its own: opening an election emails a ballot to every ownership on its roll,
// the demo owner's included, which the suites on the shared portal do not expect.
onOwnPortal("election-drafts");

jest.setTimeout(300_000);

const run = crypto.randomBytes(4).toString("hex");
const HOUR = 3_600_000;
const FROZEN = "Voting has opened on this election, so its ballot and settings can no longer change. Nothing was saved.";
const ADMINS_ONLY = "This is for co-op admins.";

let admin: string;
let staff: string;

beforeAll(() => {
  admin = storedSessionCookie(`drafts-admin-${run}@coop.example`, "admin");
  staff = storedSessionCookie(`drafts-staff-${run}@coop.example`, "staff");
});

const get = async (path: string, cookie: string) => {
  const response = await fetch(portalUrl(path), { redirect: "manual", headers: { Cookie: cookie } });
  return { status: response.status, document: new JSDOM(await response.text()).window.document };
};
/** The forms that write to an election: its settings, its ballot's items, opening and deleting it. */
const writeForms = (document: Document) =>
  [...document.querySelectorAll("form")].filter((form) => form.querySelector('[name="opensAt"], [name="seats"], [name="raceId"], [name="text"], [name="change"], [name="id"]'));
const not = (pick: (form: HTMLFormElement) => boolean) => (form: HTMLFormElement) => !pick(form);
const both = (...picks: ((form: HTMLFormElement) => boolean)[]) => (form: HTMLFormElement) => picks.every((pick) => pick(form));
const scalar = (sql: string, ...params: unknown[]) => withPortalDb((db) => db.prepare(sql).pluck().get(...params));

/** Everything the draft actions write for one election, and the audit log's length. */
const stored = (electionId: number) =>
  withPortalDb((db) => ({
    election: db.prepare("select * from elections where id = ?").get(electionId),
    races: db.prepare("select * from election_races where election_id = ? order by id").all(electionId),
    candidates: db.prepare("select c.* from election_candidates c join election_races r on r.id = c.race_id where r.election_id = ? order by c.id").all(electionId),
    measures: db.prepare("select * from election_measures where election_id = ? order by id").all(electionId),
    elections: db.prepare("select count(*) from elections").pluck().get(),
    audit: db.prepare("select count(*) from audit_log").pluck().get(),
  }));

/** An election's settings, voting from tomorrow for a week (times on the store's clock). */
function settings(title: string) {
  const opens = new Date(Date.now() + 24 * HOUR);
  return {
    title,
    slug: "",
    description: "Vote for the **board**.",
    opensAt: storeDateTimeInput(opens),
    closesAt: storeDateTimeInput(new Date(opens.getTime() + 7 * 24 * HOUR)),
    recordDate: storeDay(),
    eligibility: "approved",
    quorumKind: "percent",
    quorumValue: "10",
    voters: "primary",
  };
}

async function createDraft(title: string) {
  const form = await scrapeForm("/staff/elections/new", admin, hasField("opensAt"));
  const answer = (await callAction("/staff/elections/new", { ...form, ...settings(title) }, admin)) as { redirect?: string };
  const match = /^\/staff\/elections\/(\d+)\?created=1$/.exec(answer.redirect ?? "");
  if (!match) throw new Error(`No draft made: ${JSON.stringify(answer)}`);
  return Number(match[1]);
}

describe("an admin writes a draft election through the staff pages, previews it and opens it", () => {
  let id: number;
  let page: string;
  let raceId: number;
  const candidateIds: number[] = [];
  let measureId: number;

  it("creates the draft with an address made from its title, and audits it", async () => {
    id = await createDraft(`Board election ${run}`);
    page = `/staff/elections/${id}`;
    expect(withPortalDb((db) => db.prepare("select slug, status, quorum_kind, quorum_value from elections where id = ?").get(id))).toEqual({
      slug: `board-election-${run}`,
      status: "draft",
      quorum_kind: "percent",
      quorum_value: 10,
    });
    expect(scalar("select detail from audit_log where action = 'election.create' and subject_id = ?", String(id))).toBe(JSON.stringify({ title: `Board election ${run}` }));
  });

  it("adds a race, candidates with statements and a measure, each from its own small form", async () => {
    const addRace = await scrapeForm(page, admin, both(hasField("seats"), not(hasField("id"))));
    expect(await callAction(page, { ...addRace, title: "Board of directors", seats: "2", writeIn: "on", candidateOrder: "shuffled" }, admin)).toMatchObject({ ok: true });
    raceId = scalar("select id from election_races where election_id = ?", id) as number;
    for (const name of ["Cy Chard", "Ada Apple", "Ben Beet"]) {
      const addCandidate = await scrapeForm(page, admin, both(hasField("raceId"), not(hasField("id"))));
      expect(await callAction(page, { ...addCandidate, name, statement: `I **grow** ${name.split(" ")[1]}.` }, admin)).toMatchObject({ ok: true });
    }
    candidateIds.push(...(withPortalDb((db) => db.prepare("select id from election_candidates where race_id = ? order by position").pluck().all(raceId)) as number[]));
    const addMeasure = await scrapeForm(page, admin, both(hasField("text"), not(hasField("id"))));
    expect(await callAction(page, { ...addMeasure, title: "Bylaw amendment", text: "Article 4 reads:\n\n> Terms are three years." }, admin)).toMatchObject({ ok: true });
    measureId = scalar("select id from election_measures where election_id = ?", id) as number;
    expect(withPortalDb((db) => db.prepare("select title, seats, write_in, candidate_order from election_races where id = ?").get(raceId))).toEqual({
      title: "Board of directors",
      seats: 2,
      write_in: 1,
      candidate_order: "shuffled",
    });
    // The audit names what was added, never a statement or a measure's text.
    const details = withPortalDb((db) => db.prepare("select detail from audit_log where subject_id = ?").pluck().all(String(id))).join("\n");
    expect(details).toContain("Ada Apple");
    expect(details).not.toContain("grow");
    expect(details).not.toContain("Terms are three years");
  });

  it("edits a candidate, moves one up and removes one", async () => {
    const [first, , third] = candidateIds;
    const edit = await scrapeForm(page, admin, both(hasField("raceId"), hasField("id", String(first))));
    expect(await callAction(page, { ...edit, name: "Cyrus Chard" }, admin)).toMatchObject({ ok: true });
    const up = await scrapeForm(page, admin, both(hasField("kind", "candidate"), hasField("id", String(third)), hasField("change", "up")));
    expect(await callAction(page, up, admin)).toMatchObject({ ok: true });
    const order = () => withPortalDb((db) => db.prepare("select name from election_candidates where race_id = ? order by position").pluck().all(raceId));
    expect(order()).toEqual(["Cyrus Chard", "Ben Beet", "Ada Apple"]);
    const addCandidate = await scrapeForm(page, admin, both(hasField("raceId"), not(hasField("id"))));
    expect(await callAction(page, { ...addCandidate, name: "Dee Dill", statement: "" }, admin)).toMatchObject({ ok: true });
    const dee = scalar("select id from election_candidates where name = 'Dee Dill' and race_id = ?", raceId) as number;
    const remove = await scrapeForm(page, admin, both(hasField("kind", "candidate"), hasField("id", String(dee)), hasField("change", "remove")));
    expect(await callAction(page, remove, admin)).toMatchObject({ ok: true });
    expect(order()).toEqual(["Cyrus Chard", "Ben Beet", "Ada Apple"]);
  });

  it("answers bad input with field errors and writes nothing", async () => {
    const before = stored(id);
    const form = await scrapeForm(page, admin, hasField("opensAt"));
    const answer = (await callAction(page, { ...form, ...settings(""), opensAt: "2027-03-14T02:30", quorumValue: "150", recordDate: "2027-02-30" }, admin)) as ActionAnswer & {
      fieldErrors: Record<string, string[]>;
    };
    expect(answer).toMatchObject({ ok: false, message: "Please correct the fields marked below." });
    expect(Object.keys(answer.fieldErrors).sort()).toEqual(["opensAt", "recordDate", "title"]);
    const window = settings(`Board election ${run}`);
    const reversed = (await callAction(page, { ...form, ...window, closesAt: window.opensAt, opensAt: window.closesAt, recordDate: "2099-01-01", quorumValue: "150" }, admin)) as {
      fieldErrors: Record<string, string[]>;
    };
    expect(reversed.fieldErrors).toEqual({
      closesAt: ["Voting must close after it opens."],
      recordDate: [expect.stringMatching(/^The record date must be on or before the day voting opens/)],
      quorumValue: ["A percentage is at most 100."],
    });
    const race = await scrapeForm(page, admin, both(hasField("seats"), not(hasField("id"))));
    expect(await callAction(page, { ...race, title: "", seats: "0", candidateOrder: "random" }, admin)).toMatchObject({
      ok: false,
      fieldErrors: { title: ["Required."], seats: ["Give a number from 1 to 25."], candidateOrder: ["Choose how the candidates are listed."] },
    });
    expect(stored(id)).toEqual(before);
  });

  it("lets staff read the draft and its preview, and refuses them every write", async () => {
    const overview = await get(page, staff);
    expect(overview.status).toBe(200);
    expect(overview.document.body.textContent).toContain("Cyrus Chard");
    expect(writeForms(overview.document)).toEqual([]);
    expect((await get(`${page}/preview`, staff)).status).toBe(200);
    expect((await get("/staff/elections/new", staff)).status).toBe(403);
    const before = stored(id);
    const forms = [
      await scrapeForm(page, admin, hasField("opensAt")),
      await scrapeForm(page, admin, both(hasField("seats"), hasField("id"))),
      await scrapeForm(page, admin, both(hasField("raceId"), hasField("id"))),
      await scrapeForm(page, admin, both(hasField("text"), hasField("id"))),
      await scrapeForm(page, admin, hasField("change", "remove")),
      await scrapeForm(`${page}?confirm=delete`, admin, both(hasField("id", String(id)), (form) => (form.textContent ?? "").includes("delete the draft"))),
      await scrapeForm(`${page}?confirm=open`, admin, both(hasField("id", String(id)), (form) => (form.textContent ?? "").includes("open voting now"))),
    ];
    for (const fields of forms) expect(await callAction(page, fields, staff)).toMatchObject({ ok: false, message: ADMINS_ONLY });
    expect(stored(id)).toEqual(before);
  });

  it("previews the ballot as voters will see it, from a form that cannot cast", async () => {
    const { status, document } = await get(`${page}/preview`, admin);
    expect(status).toBe(200);
    const ballot = [...document.querySelectorAll("form")].find((form) => form.querySelector('input[name="slug"]'))!;
    expect([...ballot.querySelectorAll('input[type="checkbox"]')].map((box) => box.closest("label")!.textContent!.trim()).sort()).toEqual(["Ada Apple", "Ben Beet", "Cyrus Chard"]);
    expect(ballot.querySelectorAll(`input[name="race-${raceId}-write-in"]`)).toHaveLength(2);
    expect(ballot.querySelectorAll(`input[type="radio"][name="measure-${measureId}"]`)).toHaveLength(3);
    expect(ballot.querySelector("strong")?.textContent).toBe("grow");
    // No action to post to: neither an action attribute nor React's action fields.
    expect(ballot.getAttribute("action")).toBeNull();
    expect(ballot.querySelector('input[name^="$ACTION"]')).toBeNull();
    expect(ballot.querySelector("button[disabled]")?.textContent).toBe("Cast my ballot");
    expect(scalar("select count(*) from election_ballots where election_id = ?", id)).toBe(0);
  });

  it("refuses to open an empty ballot, saying why", async () => {
    const empty = await createDraft(`Empty election ${run}`);
    const open = await scrapeForm(`/staff/elections/${empty}?confirm=open`, admin, hasField("id", String(empty)));
    expect(await callAction(`/staff/elections/${empty}`, open, admin)).toMatchObject({ ok: false, message: "The ballot is empty: add a race or a measure first. Nothing was opened." });
    expect(scalar("select status from elections where id = ?", empty)).toBe("draft");
    expect(scalar("select count(*) from election_roll where election_id = ?", empty)).toBe(0);
  });

  it("opens now: the roll is written, ballots are emailed and the status is open", async () => {
    const open = await scrapeForm(`${page}?confirm=open`, admin, hasField("id", String(id)));
    const answer = (await callAction(page, open, admin)) as { ok: boolean; data: { opened: boolean; rollSize: number; emailsQueued: number } };
    expect(answer).toMatchObject({ ok: true, data: { opened: true } });
    expect(answer.data.rollSize).toBeGreaterThan(0);
    expect(scalar("select status from elections where id = ?", id)).toBe("open");
    expect(scalar("select count(*) from election_roll where election_id = ?", id)).toBe(answer.data.rollSize);
    expect(scalar("select count(*) from election_ballot_links where election_id = ?", id)).toBe(answer.data.emailsQueued);
    expect(scalar("select detail from audit_log where action = 'election.open' and subject_id = ?", String(id))).toBe(JSON.stringify({ rollSize: answer.data.rollSize, emailsQueued: answer.data.emailsQueued }));
  });

  it("once open, refuses every write to the election and writes nothing; the overview shows the ballot and the pages that run the vote", async () => {
    const { document } = await get(page, admin);
    expect(writeForms(document)).toEqual([]);
    const links = [...document.querySelectorAll("a")].map((link) => link.getAttribute("href"));
    expect(links).toEqual(expect.arrayContaining([`${page}/roll`, `${page}/paper`, `${page}/results`, `${page}/preview`]));
    expect(document.body.textContent).toContain("Cyrus Chard");

    // The forms as they were while it was a draft, sent again.
    const draft = await createDraft(`Form source ${run}`);
    const draftPage = `/staff/elections/${draft}`;
    const addRace = await scrapeForm(draftPage, admin, both(hasField("seats"), not(hasField("id"))));
    await callAction(draftPage, { ...addRace, title: "Treasurer", seats: "1", candidateOrder: "alphabetical" }, admin);
    const before = stored(id);
    const attempts: Record<string, string>[] = [
      { ...(await scrapeForm(draftPage, admin, hasField("opensAt"))), ...settings("Renamed"), id: String(id) },
      { ...addRace, electionId: String(id), title: "Another race", seats: "1", candidateOrder: "alphabetical" },
      { ...addRace, electionId: String(id), id: String(raceId), title: "Renamed race", seats: "3", candidateOrder: "alphabetical" },
      { ...(await scrapeForm(draftPage, admin, both(hasField("raceId"), not(hasField("id"))))), raceId: String(raceId), name: "Late Candidate", statement: "" },
      { ...(await scrapeForm(draftPage, admin, both(hasField("raceId"), not(hasField("id"))))), raceId: String(raceId), id: String(candidateIds[0]), name: "Renamed", statement: "" },
      { ...(await scrapeForm(draftPage, admin, both(hasField("text"), not(hasField("id"))))), electionId: String(id), id: String(measureId), title: "Changed", text: "Changed text." },
      { ...(await scrapeForm(draftPage, admin, hasField("change", "remove"))), kind: "candidate", id: String(candidateIds[1]), change: "remove" },
      { ...(await scrapeForm(draftPage, admin, hasField("change", "remove"))), kind: "measure", id: String(measureId), change: "remove" },
      { ...(await scrapeForm(`${draftPage}?confirm=delete`, admin, (form) => (form.textContent ?? "").includes("delete the draft"))), id: String(id) },
      { ...(await scrapeForm(`${draftPage}?confirm=open`, admin, (form) => (form.textContent ?? "").includes("open voting now"))), id: String(id) },
    ];
    for (const fields of attempts.slice(0, -1)) expect(await callAction(draftPage, fields, admin)).toMatchObject({ ok: false, message: FROZEN });
    // Opening it again is refused the same way: nothing is sent twice.
    expect(await callAction(draftPage, attempts.at(-1)!, admin)).toMatchObject({ ok: false, message: FROZEN });
    expect(stored(id)).toEqual(before);
  });

  it("deletes a draft with its ballot", async () => {
    const doomed = await createDraft(`Doomed election ${run}`);
    const form = await scrapeForm(`/staff/elections/${doomed}?confirm=delete`, admin, (candidate) => (candidate.textContent ?? "").includes("delete the draft"));
    expect(await callAction(`/staff/elections/${doomed}`, form, admin)).toEqual({ redirect: "/staff/elections?deleted=1" });
    expect(scalar("select count(*) from elections where id = ?", doomed)).toBe(0);
    const list = await get("/staff/elections", staff);
    expect(list.document.body.textContent).toContain(`Board election ${run}`);
    expect(list.document.body.textContent).not.toContain(`Doomed election ${run}`);
  });
});
