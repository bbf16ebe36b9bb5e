import crypto from "node:crypto";
import fc from "fast-check";
import { hasField, scrapeForm } from "../../helpers/forms";
import { CONCURRENCY, RUNS, SEED, fuzzAction, injectedMarkup, onOwnPortal, type FieldSpec } from "../../helpers/hostile";
import { portalUrl, withPortalDb } from "../../helpers/portal";
import { storedSessionCookie } from "../../helpers/stored-session";

jest.setTimeout(15 * 60_000);

const run = crypto.randomBytes(4).toString("hex");
const count = (sql: string) => withPortalDb((db) => db.prepare(sql).pluck().get() as number);
const footprint = () => ({
  bounced: count("select count(*) from newsletter_subscribers where bounced_at is not null"),
  subscribers: count("select count(*) from newsletter_subscribers"),
  audit: count("select count(*) from audit_log"),
  outbox: count("select count(*) from email_outbox"),
});

let staff: string;
let subscriberId: number;

onOwnPortal("hostile-bounces");

beforeAll(() => {
  staff = storedSessionCookie(`hostile-bounces-staff-${run}@coop.example`, "staff");
  subscriberId = Number(
    withPortalDb((db) =>
      db
        .prepare("insert into newsletter_subscribers (email, status, signed_up_at, confirmed_at, bounced_at, bounce_reason) values (?, 'confirmed', ?, ?, ?, '550 5.1.1 <b data-hostile>no</b>')")
        .run(`hostile-bounced-${run}@fuzz.example`, Date.now(), Date.now(), Date.now()).lastInsertRowid,
    ),
  );
});

afterAll(() => console.log(`hostile-input bounces: seed ${SEED}, ${RUNS} inputs per target, ${CONCURRENCY} at once`));

it("shows a mail server's words as text, never as markup", async () => {
  const html = await (await fetch(portalUrl("/staff/newsletter/subscribers"), { headers: { Cookie: staff } })).text();
  expect(html).toContain("&lt;b data-hostile&gt;");
  expect(injectedMarkup(html)).toEqual([]);
});

it("clearing a bounce takes any input without a server error, and refuses a malformed id", async () => {
  const form = await scrapeForm("/staff/newsletter/subscribers", staff, (each) => hasField("subscriberId", String(subscriberId))(each) && (each.textContent ?? "").includes("the bounce of"));
  const specs: FieldSpec[] = [{ name: "subscriberId", kind: "id", required: true, valid: fc.constant(String(subscriberId)) }];
  const { accepted } = await fuzzAction({ label: "clear a bounce", path: "/staff/newsletter/subscribers", cookie: staff, form, specs, footprint });
  if (accepted > 0) expect(footprint().bounced).toBe(0);
});
