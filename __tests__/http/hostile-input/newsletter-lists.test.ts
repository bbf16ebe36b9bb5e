import crypto from "node:crypto";
import fc from "fast-check";
import { listAudiences } from "@/lib/model/newsletter";
import { hasField, scrapeForm } from "../../helpers/forms";
import { CONCURRENCY, RUNS, SEED, carriesMarkup, fuzzAction, injectedMarkup, onOwnPortal, type FieldSpec, type GeneratedForm } from "../../helpers/hostile";
import { portalUrl, withPortalDb } from "../../helpers/portal";
import { storedSessionCookie } from "../../helpers/stored-session";

jest.setTimeout(15 * 60_000);

const run = crypto.randomBytes(4).toString("hex");
const count = (sql: string) => withPortalDb((db) => db.prepare(sql).pluck().get() as number);

/** What the list actions may add or change: lists, and an audit entry for each accepted change. */
const footprint = () => ({
  lists: count("select count(*) from newsletter_lists"),
  members: count("select count(*) from newsletter_list_members"),
  audit: count("select count(*) from audit_log"),
  outbox: count("select count(*) from email_outbox"),
});

const other = (name: string, required: boolean, valid: fc.Arbitrary<string>): FieldSpec => ({ name, kind: "other", required, valid });
const listSpecs: FieldSpec[] = [
  { name: "name", kind: "text", max: 80, required: true },
  { name: "description", kind: "text", max: 300, required: false },
  other("audience", true, fc.constantFrom(...listAudiences)),
  other("joinByDefault", false, fc.constantFrom("on")),
  other("position", true, fc.constantFrom("0", "7", "999")),
];

const path = "/staff/newsletter/lists";
let staff: string;

/** Accepted names and descriptions stay text: on the staff page, and on /newsletter where everyone sees them. */
function shownAsText(limit = 12) {
  let checked = 0;
  return async (input: GeneratedForm) => {
    if (checked >= limit || !carriesMarkup(input)) return;
    checked += 1;
    for (const [page, cookie] of [
      [path, staff],
      ["/newsletter", ""],
    ] as const) {
      const response = await fetch(portalUrl(page), { headers: cookie ? { Cookie: cookie } : {} });
      const html = await response.text();
      if (response.status >= 500) throw new Error(`${page} answered ${response.status} after an accepted save`);
      const injected = injectedMarkup(html);
      if (injected.length > 0) throw new Error(`${page} shows injected markup: ${injected.join(" | ")}`);
    }
  };
}

onOwnPortal("hostile-lists");

beforeAll(() => {
  staff = storedSessionCookie(`hostile-lists-staff-${run}@coop.example`, "staff");
});

afterAll(() => {
  console.log(`hostile-input newsletter list actions: seed ${SEED}, ${RUNS} inputs per target, ${CONCURRENCY} at once`);
});

describe(`the newsletter list actions refuse what breaks their rules, store nothing for it, never answer 500, and show saved text as text (${RUNS} inputs each)`, () => {
  it("add a list", async () => {
    await fuzzAction({
      label: "create list",
      path,
      cookie: staff,
      form: await scrapeForm(path, staff, (form) => (form.textContent ?? "").includes("Add the list")),
      base: { name: "Bulk buying", description: "", audience: "everyone", position: "0" },
      specs: listSpecs,
      footprint,
      onAccepted: shownAsText(),
    });
  });

  it("edit a list, and archive one", async () => {
    const listId = withPortalDb((db) => db.prepare("select id from newsletter_lists where slug = 'news'").pluck().get() as number);
    await fuzzAction({
      label: "update list",
      path,
      cookie: staff,
      form: await scrapeForm(path, staff, (form) => hasField("id", String(listId))(form) && hasField("name")(form)),
      specs: [{ name: "id", kind: "id", required: true, valid: fc.constant(String(listId)) }, ...listSpecs],
      footprint,
      onAccepted: shownAsText(),
    });
    const doomed = withPortalDb(
      (db) =>
        db
          .prepare("insert into newsletter_lists (slug, name, created_at, updated_at) values (?, 'Doomed', ?, ?) returning id")
          .pluck()
          .get(`doomed-${run}`, Date.now(), Date.now()) as number,
    );
    await fuzzAction({
      label: "archive list",
      path,
      cookie: staff,
      form: await scrapeForm(path, staff, (form) => hasField("id", String(doomed))(form) && !hasField("name")(form)),
      specs: [{ name: "id", kind: "id", required: true, valid: fc.constant(String(doomed)) }],
      footprint,
    });
  });
});
