import crypto from "node:crypto";
import fc from "fast-check";
import { candidateOrders, electionEligibilities, electionVoters, quorumKinds } from "@/lib/model/elections";
import { storeDay } from "@/lib/model/format";
import { storeDateTimeInput } from "@/lib/model/store-time";
import { callAction, hasField, scrapeForm } from "../../helpers/forms";
import {
  CONCURRENCY,
  RUNS,
  SEED,
  actionIdOf,
  carriesMarkup,
  fuzzAction,
  injectedMarkup,
  nonFormArguments,
  onOwnPortal,
  postAction,
  type Answered,
  type FieldSpec,
  type GeneratedForm,
} from "../../helpers/hostile";
import { portalUrl, withPortalDb } from "../../helpers/portal";
import { storedSessionCookie } from "../../helpers/stored-session";

jest.setTimeout(15 * 60_000);

// A portal of its own: thousands of draft elections, and an opening that emails a roll.
onOwnPortal("hostile-election-drafts");

const run = crypto.randomBytes(4).toString("hex");
const count = (sql: string) => withPortalDb((db) => db.prepare(sql).pluck().get() as number);

/** The rows the draft actions add or remove; edits show in the audit log (every accepted write is audited). */
const footprint = () => ({
  elections: count("select count(*) from elections"),
  races: count("select count(*) from election_races"),
  candidates: count("select count(*) from election_candidates"),
  measures: count("select count(*) from election_measures"),
  roll: count("select count(*) from election_roll"),
  audit: count("select count(*) from audit_log"),
  outbox: count("select count(*) from email_outbox"),
});

const text = (name: string, max: number, required = true): FieldSpec => ({ name, kind: "text", max, required });
const other = (name: string, required: boolean, valid?: fc.Arbitrary<string>): FieldSpec => ({ name, kind: "other", required, valid });
const id = (name: string, valid: number): FieldSpec => ({ name, kind: "id", required: true, valid: fc.constant(String(valid)) });
const oneOf = (name: string, values: readonly string[], required = true) => other(name, required, fc.constantFrom(...values));

let admin: string;

/** Reads where accepted text is shown (the first few that carry markup) and fails on anything a payload injected. */
function shownAsText(paths: (answered: Answered) => string[], limit = 12) {
  let checked = 0;
  return async (input: GeneratedForm, answered: Answered) => {
    if (checked >= limit || !carriesMarkup(input)) return;
    checked += 1;
    for (const pagePath of paths(answered)) {
      const response = await fetch(portalUrl(pagePath), { redirect: "manual", headers: { Cookie: admin } });
      const html = await response.text();
      if (response.status >= 500) throw new Error(`${pagePath} answered ${response.status} after an accepted save`);
      const injected = injectedMarkup(html);
      if (injected.length > 0) throw new Error(`${pagePath} shows injected markup: ${injected.join(" | ")}`);
    }
  };
}

/** Voting from tomorrow for a week, on the store's clock; the roll as of today. */
function validSettings(title: string) {
  const opens = new Date(Date.now() + 24 * 3_600_000);
  return {
    title,
    slug: "",
    description: "Vote.",
    opensAt: storeDateTimeInput(opens),
    closesAt: storeDateTimeInput(new Date(opens.getTime() + 7 * 24 * 3_600_000)),
    recordDate: storeDay(),
    eligibility: "approved",
    quorumKind: "count",
    quorumValue: "1",
    voters: "primary",
  };
}

const settingSpecs = (base: Record<string, string>): FieldSpec[] => [
  text("title", 120),
  other("slug", false, fc.constant("")),
  text("description", 20_000),
  other("opensAt", true, fc.constant(base.opensAt!)),
  other("closesAt", true, fc.constant(base.closesAt!)),
  other("recordDate", true, fc.constant(base.recordDate!)),
  oneOf("eligibility", electionEligibilities),
  oneOf("quorumKind", quorumKinds),
  other("quorumValue", true, fc.constantFrom("0", "1", "100")),
  oneOf("voters", electionVoters),
];

const pickByText = (words: string) => (form: HTMLFormElement) => (form.textContent ?? "").includes(words);
const without = (name: string) => (form: HTMLFormElement) => !hasField(name)(form);

async function createDraft(title: string) {
  const form = await scrapeForm("/staff/elections/new", admin, hasField("opensAt"));
  const answer = (await callAction("/staff/elections/new", { ...form, ...validSettings(title) }, admin)) as { redirect: string };
  return Number(/\/staff\/elections\/(\d+)\?created=1$/.exec(answer.redirect)![1]);
}

let draft: number;
let raceId: number;
let candidateId: number;

beforeAll(async () => {
  admin = storedSessionCookie(`hostile-elections-admin-${run}@coop.example`, "admin");
  draft = await createDraft(`Hostile draft ${run}`);
  const page = `/staff/elections/${draft}`;
  const addRace = await scrapeForm(page, admin, (form) => hasField("seats")(form) && without("id")(form));
  await callAction(page, { ...addRace, title: "Board", seats: "2", candidateOrder: "alphabetical" }, admin);
  raceId = withPortalDb((db) => db.prepare("select id from election_races where election_id = ?").pluck().get(draft) as number);
  const addCandidate = await scrapeForm(page, admin, (form) => hasField("raceId")(form) && without("id")(form));
  for (const name of ["Ada Apple", "Ben Beet"]) await callAction(page, { ...addCandidate, name, statement: "" }, admin);
  candidateId = withPortalDb((db) => db.prepare("select id from election_candidates where race_id = ? order by position desc").pluck().get(raceId) as number);
});

afterAll(() => {
  console.log(`hostile-input election drafts: seed ${SEED}, ${RUNS} inputs per target, ${CONCURRENCY} at once`);
});

describe(`the draft election actions refuse what breaks their rules, store nothing for it, never answer 500, and show saved text as text (${RUNS} inputs each)`, () => {
  it("create an election", async () => {
    const base = validSettings("Hostile election");
    await fuzzAction({
      label: "create election",
      path: "/staff/elections/new",
      cookie: admin,
      form: await scrapeForm("/staff/elections/new", admin, hasField("opensAt")),
      base,
      specs: settingSpecs(base),
      footprint,
      onAccepted: shownAsText((answered) => {
        const target = answered.answer && "redirect" in answered.answer ? answered.answer.redirect.replace(/\?.*$/, "") : "";
        return [target, `${target}/preview`];
      }),
    });
  });

  it("edit a draft's settings", async () => {
    const page = `/staff/elections/${draft}`;
    const base = validSettings("Hostile draft");
    await fuzzAction({
      label: "update election",
      path: page,
      cookie: admin,
      form: await scrapeForm(page, admin, hasField("opensAt")),
      base,
      // Left out, the id makes the save a new draft: one save action adds and edits.
      specs: [{ ...id("id", draft), required: false }, ...settingSpecs(base)],
      footprint,
      onAccepted: shownAsText(() => [page, `${page}/preview`, "/staff/elections"]),
    });
  });

  it("add a race, a candidate and a measure", async () => {
    const page = `/staff/elections/${draft}`;
    await fuzzAction({
      label: "save race",
      path: page,
      cookie: admin,
      form: await scrapeForm(page, admin, (form) => hasField("seats")(form) && without("id")(form)),
      base: { title: "Treasurer", seats: "1", candidateOrder: "alphabetical" },
      specs: [id("electionId", draft), text("title", 120), other("seats", true, fc.constantFrom("1", "3", "25")), other("writeIn", false, fc.constant("on")), oneOf("candidateOrder", candidateOrders)],
      footprint,
      onAccepted: shownAsText(() => [page, `${page}/preview`]),
    });
    await fuzzAction({
      label: "save candidate",
      path: page,
      cookie: admin,
      form: await scrapeForm(page, admin, (form) => hasField("raceId", String(raceId))(form) && without("id")(form)),
      base: { name: "Cy Chard", statement: "I grow chard." },
      specs: [id("raceId", raceId), text("name", 120), text("statement", 5_000)],
      footprint,
      onAccepted: shownAsText(() => [page, `${page}/preview`]),
    });
    await fuzzAction({
      label: "save measure",
      path: page,
      cookie: admin,
      form: await scrapeForm(page, admin, (form) => hasField("text")(form) && without("id")(form)),
      base: { title: "Bylaw amendment", text: "The full text." },
      specs: [id("electionId", draft), text("title", 120), text("text", 50_000)],
      footprint,
      onAccepted: shownAsText(() => [page, `${page}/preview`]),
    });
  });

  it("move a candidate", async () => {
    const page = `/staff/elections/${draft}`;
    await fuzzAction({
      label: "arrange ballot",
      path: page,
      cookie: admin,
      form: await scrapeForm(page, admin, (form) => hasField("kind", "candidate")(form) && hasField("id", String(candidateId))(form) && hasField("change", "up")(form)),
      specs: [oneOf("kind", ["candidate"]), id("id", candidateId), oneOf("change", ["up", "down"])],
      footprint,
    });
  });

  it("open a draft now, and delete one", async () => {
    const opening = await createDraft(`Hostile opening ${run}`);
    const openingPage = `/staff/elections/${opening}`;
    const addMeasure = await scrapeForm(openingPage, admin, (form) => hasField("text")(form) && without("id")(form));
    await callAction(openingPage, { ...addMeasure, title: "Bylaw amendment", text: "The full text." }, admin);
    await fuzzAction({
      label: "open election now",
      path: openingPage,
      cookie: admin,
      form: await scrapeForm(`${openingPage}?confirm=open`, admin, pickByText("open voting now")),
      specs: [id("id", opening)],
      footprint,
      // The one accepted opening writes the whole roll and a ballot email for each ownership on it.
      perAccepted: { roll: 1_000, outbox: 1_000 },
    });
    const doomed = await createDraft(`Hostile doomed ${run}`);
    const doomedPage = `/staff/elections/${doomed}`;
    await fuzzAction({
      label: "delete draft election",
      path: doomedPage,
      cookie: admin,
      form: await scrapeForm(`${doomedPage}?confirm=delete`, admin, pickByText("delete the draft")),
      specs: [id("id", doomed)],
      footprint,
    });
  });

  it("every draft action called with anything but a form answers a plain refusal and writes nothing", async () => {
    // A fresh draft, whose forms to add are all there (the sweeps above filled the other's ballot).
    const fresh = await createDraft(`Hostile forms ${run}`);
    const page = `/staff/elections/${fresh}`;
    const addRace = await scrapeForm(page, admin, (form) => hasField("seats")(form) && without("id")(form));
    await callAction(page, { ...addRace, title: "Board", seats: "1", candidateOrder: "alphabetical" }, admin);
    const forms = [
      await scrapeForm("/staff/elections/new", admin, hasField("opensAt")),
      await scrapeForm(page, admin, (form) => hasField("seats")(form) && without("id")(form)),
      await scrapeForm(page, admin, (form) => hasField("raceId")(form) && without("id")(form)),
      await scrapeForm(page, admin, (form) => hasField("text")(form) && without("id")(form)),
      await scrapeForm(page, admin, hasField("change", "remove")),
      await scrapeForm(`${page}?confirm=open`, admin, pickByText("open voting now")),
      await scrapeForm(`${page}?confirm=delete`, admin, pickByText("delete the draft")),
    ];
    const before = footprint();
    for (const form of forms) {
      for (const root of nonFormArguments) {
        const answered = await postAction(page, actionIdOf(form), [], admin, root);
        expect({ root, status: answered.status, answer: answered.answer }).toEqual({ root, status: 200, answer: expect.objectContaining({ ok: false, code: "bad_request" }) });
      }
    }
    expect(footprint()).toEqual(before);
  });
});
