import crypto from "node:crypto";
import fc from "fast-check";
import { hasField, scrapeForm } from "../../helpers/forms";
import { CONCURRENCY, RUNS, SEED, actionIdOf, fuzzAction, nonFormArguments, onOwnPortal, postAction, type FieldSpec } from "../../helpers/hostile";
import { withPortalDb } from "../../helpers/portal";
import { storedSessionCookie } from "../../helpers/stored-session";

jest.setTimeout(15 * 60_000);

/*
 * The actions that run an election (the roll, paper, reminders, certifying) and the
 * owner's results-email preference, each sent hostile forms: what breaks a rule is
 * refused and writes nothing, nothing answers 500, and accepted inputs write no more
 * than one of their kind may.
 */

const run = crypto.randomBytes(4).toString("hex");
const count = (sql: string, ...params: unknown[]) => withPortalDb((db) => db.prepare(sql).pluck().get(...params) as number);

const footprint = () => ({
  voted: count("select count(*) from election_roll where voted_at is not null"),
  removed: count("select count(*) from election_roll where removed_at is not null"),
  roll: count("select count(*) from election_roll"),
  batches: count("select count(*) from election_paper_batches"),
  ballots: count("select count(*) from election_ballots"),
  certified: count("select count(*) from elections where status = 'certified'"),
  links: count("select count(*) from election_ballot_links"),
  askingForResults: count("select count(*) from users where election_results_email = 1"),
  audit: count("select count(*) from audit_log"),
  outbox: count("select count(*) from email_outbox"),
});

const other = (name: string, required: boolean, valid?: fc.Arbitrary<string>): FieldSpec => ({ name, kind: "other", required, valid });
const id = (name: string, valid: number): FieldSpec => ({ name, kind: "id", required: true, valid: fc.constant(String(valid)) });
const text = (name: string, max: number): FieldSpec => ({ name, kind: "text", max, required: true });
const countField = (name: string, required = false) => other(name, required, fc.constantFrom("", "0", "1", "2"));

let staff: string;
let admin: string;
let open: { id: number; raceId: number; candidates: number[]; measureId: number };
let closedId: number;
let markedOwner: { id: number; number: number };
let rollOwner: { id: number; number: number };

onOwnPortal("hostile-elections");

/** An ownership of this file's, numbered from the portal's sequence as an approval numbers it. */
function ownership(label: string) {
  return withPortalDb((db) => {
    const userId = crypto.randomUUID();
    db.prepare("insert into users (id, email, role, created_at) values (?, ?, 'member', ?)").run(userId, `hostile-${label}-${run}@coop.example`, Date.now());
    const number = db.prepare("update owner_number_sequence set next = next + 1 where id = 1 returning next - 1").pluck().get() as number;
    const ownerId = Number(
      db.prepare("insert into owners (owner_number, user_id, name, plan_id, joined_on, created_at) values (?, ?, ?, 'full', '2026-01-01', ?)").run(number, userId, `Hostile ${label}`, Date.now()).lastInsertRowid,
    );
    return { id: ownerId, number };
  });
}

/** An election with one race (write-ins allowed) and one measure, in `status`, the given ownerships on its roll. */
function election(label: string, status: "open" | "closed", ownerIds: number[]) {
  const now = Date.now();
  return withPortalDb((db) => {
    const electionId = Number(
      db
        .prepare("insert into elections (slug, title, opens_at, closes_at, record_date, quorum_kind, quorum_value, status, created_at, updated_at) values (?, ?, ?, ?, '2026-01-01', 'count', 1, ?, ?, ?)")
        .run(`hostile-${label}-${run}`, `Hostile ${label}`, now - 3_600_000, status === "open" ? now + 86_400_000 : now - 60_000, status, now, now).lastInsertRowid,
    );
    const raceId = Number(db.prepare("insert into election_races (election_id, position, title, seats, write_in) values (?, 1, 'Board', 2, 1)").run(electionId).lastInsertRowid);
    const candidates = ["Ada", "Ben"].map((name, index) => Number(db.prepare("insert into election_candidates (race_id, position, name) values (?, ?, ?)").run(raceId, index + 1, name).lastInsertRowid));
    const measureId = Number(db.prepare("insert into election_measures (election_id, position, title, text) values (?, 1, 'Bylaw', 'Text.')").run(electionId).lastInsertRowid);
    for (const ownerId of ownerIds) db.prepare("insert into election_roll (election_id, owner_id, added_at) values (?, ?, ?)").run(electionId, ownerId, now);
    return { id: electionId, raceId, candidates, measureId };
  });
}

beforeAll(() => {
  staff = storedSessionCookie(`hostile-election-staff-${run}@coop.example`, "staff");
  admin = storedSessionCookie(`hostile-election-admin-${run}@coop.example`, "admin");
  markedOwner = ownership("marked");
  rollOwner = ownership("roll");
  const waiting = ownership("waiting");
  open = election("open", "open", [markedOwner.id, rollOwner.id, waiting.id]);
  closedId = election("closed", "closed", [waiting.id]).id;
});

afterAll(() => {
  console.log(`hostile-input election actions: seed ${SEED}, ${RUNS} inputs per target, ${CONCURRENCY} at once`);
});

const rollPath = () => `/staff/elections/${open.id}/roll`;

describe(`the actions that run an election refuse what breaks their rules, store nothing for it and never answer 500 (${RUNS} inputs each)`, () => {
  it("find an ownership on the roll", async () => {
    await fuzzAction({
      label: "find on roll",
      path: rollPath(),
      cookie: staff,
      form: await scrapeForm(rollPath(), staff, hasField("q")),
      base: { q: "Hostile", filter: "all" },
      specs: [id("electionId", open.id), text("q", 100), other("filter", false, fc.constantFrom("all", "voted", "not_voted", "removed"))],
      footprint,
    });
  });

  it("mark an ownership voted on paper", async () => {
    await fuzzAction({
      label: "paper mark",
      path: rollPath(),
      cookie: staff,
      form: await scrapeForm(rollPath(), staff, hasField("ownerId", String(markedOwner.id))),
      specs: [id("electionId", open.id), id("ownerId", markedOwner.id)],
      footprint,
    });
  });

  it("add an ownership to the roll or remove one, with a reason", async () => {
    await fuzzAction({
      label: "roll change",
      path: rollPath(),
      cookie: admin,
      form: await scrapeForm(rollPath(), admin, hasField("change", "remove")),
      base: { change: "remove", ownerNumber: String(rollOwner.number), reason: "Moved away" },
      specs: [
        id("electionId", open.id),
        other("change", true, fc.constantFrom("add", "remove")),
        other("ownerNumber", true, fc.constant(String(rollOwner.number))),
        text("reason", 500),
      ],
      footprint,
    });
  });

  it("enter a counted batch of paper ballots", async () => {
    const paperPath = `/staff/elections/${open.id}/paper`;
    const race = (suffix: string) => `race-${open.raceId}-${suffix}`;
    await fuzzAction({
      label: "paper batch",
      path: paperPath,
      cookie: staff,
      form: await scrapeForm(paperPath, staff, hasField("ballots")),
      base: { ballots: "2" },
      specs: [
        id("electionId", open.id),
        other("ballots", true, fc.constantFrom("1", "2", "5")),
        ...open.candidates.map((candidate) => countField(race(`candidate-${candidate}`))),
        other(race("write-in-name-0"), false, fc.constantFrom("", "Dee Dill", "  Eve  ")),
        countField(race("write-in-votes-0")),
        ...["yes", "no", "abstain"].map((answer) => countField(`measure-${open.measureId}-${answer}`)),
      ],
      footprint,
    });
  });

  it("send reminders", async () => {
    await fuzzAction({
      label: "reminders",
      path: rollPath(),
      cookie: staff,
      form: await scrapeForm(rollPath(), staff, (form) => form.querySelector("button")?.textContent?.includes("Send reminders") ?? false),
      specs: [id("electionId", open.id)],
      footprint,
      perAccepted: { outbox: 3, links: 3 },
    });
  });

  it("certify a closed election's results", async () => {
    const resultsPath = `/staff/elections/${closedId}/results`;
    await fuzzAction({
      label: "certify",
      path: resultsPath,
      cookie: admin,
      form: await scrapeForm(resultsPath, admin, hasField("confirm")),
      specs: [id("electionId", closedId), other("confirm", true, fc.constantFrom("on", "yes"))],
      footprint,
      perAccepted: { outbox: 10 },
    });
  });

  it("ask for results by email, or stop", async () => {
    const owner = storedSessionCookie("owner@coop.example");
    await fuzzAction({
      label: "results email",
      path: "/account",
      cookie: owner,
      form: await scrapeForm("/account", owner, hasField("wanted")),
      specs: [other("wanted", true, fc.constantFrom("yes", "no"))],
      footprint,
    });
  });

  it("each called with anything but a form answers a plain refusal and writes nothing", async () => {
    const forms = [
      [rollPath(), admin, await scrapeForm(rollPath(), admin, hasField("change", "add"))],
      [rollPath(), staff, await scrapeForm(rollPath(), staff, hasField("q"))],
      [`/staff/elections/${open.id}/paper`, staff, await scrapeForm(`/staff/elections/${open.id}/paper`, staff, hasField("ballots"))],
    ] as const;
    const before = footprint();
    for (const [pagePath, cookie, form] of forms) {
      for (const root of nonFormArguments) {
        const answered = await postAction(pagePath, actionIdOf(form), [], cookie, root);
        expect({ pagePath, root, status: answered.status, answer: answered.answer }).toEqual({ pagePath, root, status: 200, answer: expect.objectContaining({ ok: false, code: "bad_request" }) });
      }
    }
    expect(footprint()).toEqual(before);
  });
});
