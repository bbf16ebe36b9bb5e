import crypto from "node:crypto";
import fc from "fast-check";
import { storeDateTimeInput } from "@/lib/model/store-time";
import { callAction, hasField, scrapeForm, type ActionAnswer } from "../../helpers/forms";
import { fuzzAction, onOwnPortal, type FieldSpec } from "../../helpers/hostile";
import { withPortalDb } from "../../helpers/portal";
import { storedSessionCookie } from "../../helpers/stored-session";

jest.setTimeout(15 * 60_000);

/*
 * The campaign form's list boxes and segment, and scheduling: whatever a hostile form
 * sends, the answer is a field-level refusal or an accepted save, never a server error,
 * and a refused form changes no row. (The subject and body are fuzzed in staff-actions.)
 */

const run = crypto.randomBytes(4).toString("hex");
const count = (sql: string) => withPortalDb((db) => db.prepare(sql).pluck().get() as number);
const footprint = () => ({
  campaigns: count("select count(*) from newsletter_campaigns"),
  campaignLists: count("select count(*) from newsletter_campaign_lists"),
  scheduled: count("select count(*) from newsletter_campaigns where send_at is not null"),
  sending: count("select count(*) from newsletter_campaigns where status <> 'draft'"),
  audit: count("select count(*) from audit_log"),
});
const other = (name: string, required: boolean, valid: fc.Arbitrary<string>): FieldSpec => ({ name, kind: "other", required, valid });
const id = (name: string, valid: number): FieldSpec => ({ name, kind: "id", required: true, valid: fc.constant(String(valid)) });
const pickByButton = (label: string) => (form: HTMLFormElement) => (form.textContent ?? "").includes(label);
const idFrom = (answer: ActionAnswer) => Number(/\/campaigns\/(\d+)\?/.exec((answer as { redirect: string }).redirect)![1]);

let staff: string;
let listIds: number[];

onOwnPortal("hostile-campaigns");

beforeAll(() => {
  staff = storedSessionCookie(`hostile-campaigns-${run}@coop.example`, "staff");
  listIds = withPortalDb((db) => {
    const add = db.prepare("insert into newsletter_lists (slug, name, audience, created_at, updated_at) values (?, ?, ?, ?, ?) returning id");
    const archived = add.get(`gone-${run}`, "Gone", "everyone", Date.now(), Date.now()) as { id: number };
    db.prepare("update newsletter_lists set archived_at = ? where id = ?").run(Date.now(), archived.id);
    return [(add.get(`classes-${run}`, "Classes", "everyone", Date.now(), Date.now()) as { id: number }).id, (add.get(`owners-${run}`, "Owners", "owners", Date.now(), Date.now()) as { id: number }).id, archived.id];
  });
});

const audienceSpecs = (): FieldSpec[] => [
  other(`list-${listIds[0]}`, false, fc.constant("on")),
  other(`list-${listIds[1]}`, false, fc.constant("on")),
  // An archived list, or one that does not exist: refused at the field, never saved.
  other(`list-${listIds[2]}`, false, fc.constantFrom("on", "")),
  other("list-999999999999", false, fc.constant("")),
  other("ownership", false, fc.constantFrom("any", "owners", "not_owners")),
  other("subscribedFrom", false, fc.constantFrom("", "2026-01-01", "2026-02-29", "2099-12-31")),
  other("subscribedBefore", false, fc.constantFrom("", "2027-01-01", "2025-13-01")),
];

/** The archived list is on no page: the scraped form (which keeps every box) must not tick it. */
const unticked = () => ({ [`list-${listIds[2]}`]: "", "list-999999999999": "" });

async function newDraft(subject: string) {
  const form = await scrapeForm("/staff/newsletter/campaigns/new", staff, hasField("subject"));
  return idFrom(await callAction("/staff/newsletter/campaigns/new", { ...form, ...unticked(), subject, markdown: "Hello." }, staff));
}

it("create a campaign: its lists and segment", async () => {
  const form = await scrapeForm("/staff/newsletter/campaigns/new", staff, hasField("subject"));
  await fuzzAction({
    label: "create campaign (lists and segment)",
    path: "/staff/newsletter/campaigns/new",
    cookie: staff,
    form,
    base: { subject: "News", markdown: "Hello.", ...unticked() },
    specs: audienceSpecs(),
    footprint,
    // A saved draft holds at most every list the form offers (the scraped form keeps every box).
    perAccepted: { campaignLists: count("select count(*) from newsletter_lists where archived_at is null") },
  });
});

it("schedule a draft, and cancel its schedule", async () => {
  const campaign = await newDraft(`Scheduled ${run}`);
  const pagePath = `/staff/newsletter/campaigns/${campaign}`;
  const inAWeek = storeDateTimeInput(new Date(Date.now() + 7 * 24 * 60 * 60_000));
  await fuzzAction({
    label: "schedule campaign",
    path: pagePath,
    cookie: staff,
    form: await scrapeForm(pagePath, staff, hasField("sendAt")),
    base: { sendAt: inAWeek },
    specs: [id("id", campaign), other("sendAt", true, fc.constantFrom(inAWeek, "2020-01-01T09:00", "2027-02-30T09:00", "2099-03-08T02:30", "tomorrow"))],
    footprint,
  });
  await fuzzAction({
    label: "cancel a campaign's schedule",
    path: pagePath,
    cookie: staff,
    form: await scrapeForm(pagePath, staff, pickByButton("Cancel the schedule")),
    specs: [id("id", campaign)],
    footprint,
  });
});

it("editing a draft's lists and segment", async () => {
  const campaign = await newDraft(`Edited ${run}`);
  const pagePath = `/staff/newsletter/campaigns/${campaign}`;
  await fuzzAction({
    label: "update campaign (lists and segment)",
    path: pagePath,
    cookie: staff,
    form: await scrapeForm(pagePath, staff, hasField("markdown")),
    base: unticked(),
    specs: [id("id", campaign), ...audienceSpecs()],
    footprint,
    // A saved draft holds at most every list the form offers (the scraped form keeps every box).
    perAccepted: { campaignLists: count("select count(*) from newsletter_lists where archived_at is null") },
  });
});
