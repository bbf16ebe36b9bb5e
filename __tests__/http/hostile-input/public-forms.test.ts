import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { hasField, scrapeForm, scrapeUploadForm } from "../../helpers/forms";
import {
  CONCURRENCY,
  RUNS,
  SEED,
  fuzzAction,
  hostileText,
  injectedMarkup,
  nonFormArguments,
  postAction,
  actionIdOf,
  assertBatches,
  isServerError,
  onOwnPortal,
  storedContent,
  type FieldSpec,
} from "../../helpers/hostile";
import { addDeliveryToken } from "../../helpers/newsletter";
import { applicationFields } from "../../helpers/owners";
import { portalDataDir, portalUrl, withPortalDb } from "../../helpers/portal";
import { FIRST_NAME_MAX } from "@/lib/model/newsletter";
import { readMailbox, waitForEmail } from "../../helpers/wait-for-email";
import { storedSessionCookie } from "../../helpers/stored-session";

jest.setTimeout(15 * 60_000);

const run = crypto.randomBytes(4).toString("hex");
const count = (sql: string) => withPortalDb((db) => db.prepare(sql).pluck().get() as number);
const uploads = () => {
  const dir = path.join(portalDataDir(), "uploads");
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).length : 0;
};

/** Every table a public form writes to, and the stored files. */
const footprint = () => ({
  subscribers: count("select count(*) from newsletter_subscribers"),
  ownerApplications: count("select count(*) from owner_applications"),
  household: count("select count(*) from owner_application_household"),
  jobApplications: count("select count(*) from job_applications"),
  outbox: count("select count(*) from email_outbox"),
  audit: count("select count(*) from audit_log"),
  users: count("select count(*) from users"),
  sessions: count("select count(*) from sessions"),
  uploads: uploads(),
});

/** Addresses the portal accepts, each new, some with the characters addresses may have. */
const newAddress = fc.tuple(fc.constantFrom("o'brien", "zoe", "a.b", "x_y+tag", "UPPER"), fc.uuid()).map(([local, id]) => `${local}-${id.slice(0, 13)}@fuzz.example`);
const text = (name: string, max: number, required = true): FieldSpec => ({ name, kind: "text", max, required });
const other = (name: string, required: boolean, valid?: fc.Arbitrary<string>): FieldSpec => ({ name, kind: "other", required, valid });
const address = (name: string, required = true): FieldSpec => ({ name, kind: "other", required, valid: newAddress, fresh: true });

const openSlug = `hostile-open-${run}`;
let openJobId: number;

onOwnPortal("hostile-public");

beforeAll(() => {
  openJobId = withPortalDb(
    (db) =>
      (
        db
          .prepare(
            `insert into jobs (slug, title, department, employment_type, hours, pay_min_cents, pay_unit, location, description, closes_on, status, published_at, created_at, updated_at)
             values (?, 'Cashier', 'Front end', 'part_time', '20 hours a week', 1650, 'hour', 'The store', 'Help shoppers.', '2099-12-31', 'published', ?, ?, ?) returning id`,
          )
          .get(openSlug, Date.now(), Date.now(), Date.now()) as { id: number }
      ).id,
  );
});

afterAll(() => {
  console.log(`hostile-input public forms: seed ${SEED}, ${RUNS} inputs per target, ${CONCURRENCY} at once`);
});

describe(`public forms refuse what breaks their rules, store nothing for it, never answer 500, and show stored text as text (${RUNS} inputs each)`, () => {
  it("newsletter signup: refusals store nothing; accepted first names stay text on the staff list and in the confirmation email", async () => {
    const form = await scrapeForm("/visit", "", hasField("firstName"));
    const { accepted } = await fuzzAction({
      label: "newsletter signup",
      path: "/visit",
      form,
      base: { email: `hostile-signup-${run}@fuzz.example`, firstName: "" },
      specs: [address("email"), text("firstName", FIRST_NAME_MAX, false)],
      footprint,
      perAccepted: { outbox: 1, audit: 1 },
    });
    expect(accepted).toBeGreaterThan(0);
    const staff = storedSessionCookie(`hostile-staff-${run}@coop.example`, "staff");
    const list = await fetch(portalUrl("/staff/newsletter/subscribers"), { headers: { Cookie: staff } });
    expect(list.status).toBe(200);
    expect(injectedMarkup(await list.text())).toEqual([]);
    for (const email of (await readMailbox()).slice(-40)) expect(injectedMarkup(email.html)).toEqual([]);
  });

  it("owner application: refusals store nothing; accepted applicants' names stay text on their staff page", async () => {
    const form = await scrapeForm("/owners/apply", "", hasField("applicant.email"));
    const valid = applicationFields(`hostile-owner-${run}@fuzz.example`);
    const firstNew = count("select coalesce(max(id), 0) from owner_applications") + 1;
    // The scraped form "ticks" every checkbox and picks the last radio: only its action fields are kept.
    const actionFields = Object.fromEntries(Object.entries(form).filter(([name]) => name.startsWith("$ACTION")));
    const { accepted } = await fuzzAction({
      label: "owner application",
      path: "/owners/apply",
      form: actionFields,
      base: valid,
      specs: [
        text("applicant.name", 120),
        address("applicant.email"),
        other("applicant.phone", true, fc.constantFrom("585-555-0134", "+1 (585) 555.0134")),
        text("applicant.streetAddress", 120),
        text("applicant.locality", 80),
        text("applicant.region", 40),
        other("applicant.postalCode", true, fc.constantFrom("14609", "14607-1234")),
        other("planId", true),
        other("agreement.bylaws", true),
        other("agreement.dataUse", true),
        text("agreement.signature", 120),
        text("agreement.note", 1000, false),
        text("household.0.name", 120, false),
        address("household.0.email", false),
        other("flower.snap", false),
      ],
      footprint,
      perAccepted: { household: 1, outbox: 2, audit: 1 },
    });
    expect(accepted).toBeGreaterThan(0);
    const staff = storedSessionCookie(`hostile-staff-${run}@coop.example`, "staff");
    // The accepted applicants whose names carry markup, and a few others.
    const ids = withPortalDb((db) => db.prepare("select id from owner_applications where id >= ? order by name like '%<%' desc, id desc limit 25").pluck().all(firstNew) as number[]);
    for (const id of ids) {
      const page = await fetch(portalUrl(`/staff/owners/applications/${id}`), { headers: { Cookie: staff } });
      expect({ id, status: page.status }).toEqual({ id, status: 200 });
      expect({ id, injected: injectedMarkup(await page.text()) }).toEqual({ id, injected: [] });
    }
  });

  it("job application with a résumé file: refusals store no row and no file; accepted names stay text on the staff pages", async () => {
    const applyPath = `/jobs/${openSlug}/apply`;
    const { action: route } = await scrapeUploadForm(applyPath, "", hasField("resumeText"));
    const firstNew = count("select coalesce(max(id), 0) from job_applications") + 1;
    // The posting is the route's address (no field names it); the route reads the form as the page's script sends it.
    const { accepted } = await fuzzAction({
      label: "job application",
      path: applyPath,
      route,
      form: {},
      base: {
        name: "Jun Park",
        email: `hostile-jobs-${run}@fuzz.example`,
        phone: "585-555-0170",
        availability: "Evenings",
        coverLetter: "",
        resumeText: "Ten years in retail.",
      },
      specs: [
        text("name", 120),
        address("email"),
        other("phone", true, fc.constant("585-555-0170")),
        text("availability", 500),
        other("isOwner", false),
        text("coverLetter", 10_000),
        text("resumeText", 20_000, false),
        { name: "resume", kind: "file", required: false },
      ],
      footprint,
      perAccepted: { outbox: 2, audit: 1 },
    });
    expect(accepted).toBeGreaterThan(0);
    const staff = storedSessionCookie(`hostile-staff-${run}@coop.example`, "staff");
    // The accepted applicants whose names carry markup, and a few others.
    const ids = withPortalDb((db) => db.prepare("select id from job_applications where id >= ? order by name like '%<%' desc, id desc limit 25").pluck().all(firstNew) as number[]);
    for (const pagePath of [`/staff/jobs/${openJobId}`, ...ids.map((id) => `/staff/jobs/applicants/${id}`)]) {
      const page = await fetch(portalUrl(pagePath), { headers: { Cookie: staff } });
      expect({ pagePath, status: page.status }).toEqual({ pagePath, status: 200 });
      expect({ pagePath, injected: injectedMarkup(await page.text()) }).toEqual({ pagePath, injected: [] });
    }
  });

  it("sign-in link request form: refusals queue no email", async () => {
    const form = await scrapeForm("/login", "", hasField("email"));
    await fuzzAction({
      label: "sign-in link request (form)",
      path: "/login",
      form,
      base: { email: `hostile-signin-${run}@fuzz.example` },
      specs: [address("email"), other("callbackUrl", false, hostileText())],
      footprint,
      perAccepted: { outbox: 1, users: 1 },
    });
  });

  it("an action called with anything but a form answers a plain refusal and writes nothing", async () => {
    const forms = [
      ["/visit", await scrapeForm("/visit", "", hasField("firstName"))],
      ["/owners/apply", await scrapeForm("/owners/apply", "", hasField("applicant.email"))],
      ["/login", await scrapeForm("/login", "", hasField("email"))],
    ] as const;
    const before = footprint();
    for (const [pagePath, form] of forms) {
      for (const root of nonFormArguments) {
        const answered = await postAction(pagePath, actionIdOf(form), [], undefined, root);
        expect({ pagePath, root, status: answered.status, answer: answered.answer }).toEqual({ pagePath, root, status: 200, answer: expect.objectContaining({ ok: false, code: "bad_request" }) });
      }
    }
    expect(footprint()).toEqual(before);
  });
});

describe(`server-action requests in odd encodings (${RUNS} inputs)`, () => {
  /**
   * Bodies React's reply decoder cannot read (a body that is not a form, a form without its
   * root field or with a root that is not JSON or names a part it does not have, nesting
   * thousands deep, multipart without a boundary) fail inside Next before any action runs:
   * Next answers 500 with an error digest, as it does for a malformed multipart body (see
   * docs/security.md, "Odd input"). What this holds: nothing else answers 500, and none of them
   * stores anything.
   */
  it("answer a refusal, Next's 4xx, or Next's own decoding 500, and store nothing", async () => {
    const form = await scrapeForm("/visit", "", hasField("firstName"));
    const actionId = actionIdOf(form);
    const roots = fc.oneof(
      fc.constantFrom('[null,"$K1"]', "{not json", '[null,"$Q5"]', '[null,"$F1"]', '[null,"$h1"]', '[null,"$@1"]', '[null,"$n123"]', '[null,"$Dxx"]', "[".repeat(3000) + "]".repeat(3000)),
      hostileText(),
    );
    const request = fc.record({
      encoding: fc.constantFrom("multipart", "multipart without its root", "text/plain", "application/json", "urlencoded", "no content type", "multipart without a boundary"),
      root: roots,
      fields: fc.array(fc.tuple(fc.constantFrom("_1_email", "_1_firstName", "0", "1", "_2_x", "__proto__"), hostileText()), { maxLength: 4 }),
      actionId: fc.constantFrom(actionId, actionId, actionId, "ff".repeat(21), "<script>", ""),
    });
    const storedBefore = storedContent();
    await assertBatches("odd action encodings", request, async ({ encoding, root, fields, actionId: id }) => {
      const headers: Record<string, string> = { "Next-Action": id, Accept: "text/x-component", Origin: new URL(portalUrl()).origin };
      let body: BodyInit;
      if (encoding.startsWith("multipart")) {
        const formData = new FormData();
        for (const [name, value] of fields) formData.append(name, value);
        if (encoding === "multipart") formData.append("0", root);
        body = formData;
        if (encoding === "multipart without a boundary") {
          body = "--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[]\r\n--x--\r\n";
          headers["Content-Type"] = "multipart/form-data";
        }
      } else if (encoding === "urlencoded") {
        body = new URLSearchParams([...fields, ["0", root]]);
      } else {
        body = root;
        if (encoding !== "no content type") headers["Content-Type"] = encoding;
      }
      const send = () => fetch(portalUrl("/visit"), { method: "POST", body, redirect: "manual", headers });
      // Next may close a kept-alive connection after refusing a body it could not decode,
      // just as the client hands that connection the next request: a reset before any
      // answer, which a browser meets by sending again. So does this client, once.
      const response = await send().catch((error: unknown) => {
        if ((error as { cause?: { code?: string } }).cause?.code !== "ECONNRESET") throw error;
        return send();
      });
      const text = await response.text();
      const nextDecodingError = response.status === 500 && /^0:\{.*\n1:E\{"digest":"\d+"\}\n?$/s.test(text);
      if (response.status >= 500 && !nextDecodingError) throw new Error(`${encoding}: answered ${response.status}: ${text.slice(0, 200)}`);
      if (/Something went wrong on our side/.test(text)) throw new Error(`${encoding}: failed on our side: ${text.slice(0, 300)}`);
    });
    expect(storedContent() === storedBefore).toBe(true);
  });
});

describe(`sign-in and unsubscribe route handlers take any body without a 500 (${RUNS} inputs each)`, () => {
  const bodies = (fields: Record<string, fc.Arbitrary<string>>) =>
    fc.record({
      fields: fc.record(fields, { requiredKeys: [] }),
      extra: fc.array(fc.tuple(fc.constantFrom("__proto__", "constructor", "csrfToken", "email", "token", "callbackUrl", "List-Unsubscribe"), hostileText()), { maxLength: 3 }),
      encoding: fc.constantFrom("urlencoded", "multipart", "json", "text"),
      // Wrong types, for a JSON body: numbers, lists, objects and null where text belongs, or a whole body that is not an object.
      json: fc.oneof(
        fc.constant(undefined),
        fc.dictionary(fc.constantFrom("email", "callbackUrl", "token", "__proto__", "constructor", "List-Unsubscribe"), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
        fc.jsonValue({ maxDepth: 2 }).map((value) => ({ wholeBody: value })),
      ),
    });
  type Body = { fields: Record<string, string | undefined>; extra: [string, string][]; encoding: string; json?: Record<string, unknown> };
  const encode = ({ fields, extra, encoding, json }: Body): { body: BodyInit; headers: Record<string, string> } => {
    const entries = [...Object.entries(fields), ...extra].filter((entry): entry is [string, string] => entry[1] !== undefined);
    if (encoding === "json") {
      const body = json && "wholeBody" in json ? json.wholeBody : { ...Object.fromEntries(entries), ...json };
      return { body: JSON.stringify(body) ?? "", headers: { "Content-Type": "application/json" } };
    }
    if (encoding === "text") return { body: entries.map(([name, value]) => `${name}=${value}`).join("\n"), headers: { "Content-Type": "text/plain" } };
    if (encoding === "multipart") {
      const form = new FormData();
      for (const [name, value] of entries) form.append(name, value);
      return { body: form, headers: {} };
    }
    return { body: new URLSearchParams(entries), headers: { "Content-Type": "application/x-www-form-urlencoded" } };
  };

  it("POST /api/auth/signin/email: 200, 400 or 429, and an email queued only for a 200", async () => {
    let ok = 0;
    const before = footprint();
    await assertBatches("sign-in link request (route)", bodies({ email: fc.oneof(newAddress, hostileText()), callbackUrl: hostileText() }), async (input) => {
      const { body, headers } = encode(input);
      const response = await fetch(portalUrl("/api/auth/signin/email"), { method: "POST", body, headers });
      await response.arrayBuffer();
      if (![200, 400, 429].includes(response.status)) throw new Error(`answered ${response.status}`);
      if (response.status === 200) ok += 1;
    });
    const after = footprint();
    expect(after.outbox - before.outbox).toBeLessThanOrEqual(ok);
    expect(after.sessions).toBe(before.sessions);
  });

  it("POST /api/auth/callback/email with unknown or malformed tokens: back to /login, no session", async () => {
    const before = footprint();
    await assertBatches(
      "sign-in callback",
      bodies({ token: fc.oneof(hostileText(), fc.stringMatching(/^[0-9a-f]{64}$/)), callbackUrl: hostileText(), email: newAddress }),
      async (input) => {
        const { body, headers } = encode(input);
        const response = await fetch(portalUrl("/api/auth/callback/email"), { method: "POST", body, redirect: "manual", headers: { ...headers, Origin: new URL(portalUrl()).origin } });
        await response.arrayBuffer();
        if (response.status !== 303 || !/\/login\?error=Verification$/.test(response.headers.get("location") ?? "")) throw new Error(`answered ${response.status} → ${response.headers.get("location")}`);
        if (response.headers.getSetCookie().some((cookie) => cookie.startsWith("next-auth.session-token="))) throw new Error("set a session cookie");
      },
    );
    expect(footprint().sessions).toBe(before.sessions);
  });

  it("POST of a one-click unsubscribe with unknown or malformed tokens: a refusal, nobody unsubscribed", async () => {
    const subscribed = () => count("select count(*) from newsletter_subscribers where status <> 'unsubscribed'");
    const before = subscribed();
    await assertBatches(
      "one-click unsubscribe",
      fc.record({ token: fc.oneof(hostileText(), fc.stringMatching(/^[0-9a-f]{64}$/)), body: bodies({ "List-Unsubscribe": fc.oneof(fc.constant("One-Click"), hostileText()) }) }),
      async ({ token, body: input }) => {
        const { body, headers } = encode(input);
        const response = await fetch(portalUrl(`/newsletter/unsubscribe/one-click?token=${encodeURIComponent(token.replaceAll(/[\ud800-\udfff]/g, ""))}`), { method: "POST", body, headers });
        await response.arrayBuffer();
        if (response.status >= 500 || response.status === 200) throw new Error(`answered ${response.status}`);
      },
    );
    expect(subscribed()).toBe(before);
  });
});

describe(`the newsletter token pages' buttons (${RUNS} inputs each)`, () => {
  it("confirm and unsubscribe refuse any token but the emailed one, and change no subscriber", async () => {
    const email = `hostile-token-${run}@fuzz.example`;
    const signup = await scrapeForm("/visit", "", hasField("firstName"));
    await postAction("/visit", actionIdOf(signup), [["email", email]]);
    const message = await waitForEmail(email);
    const link = new URL(/https?:\/\/\S+\/newsletter\/confirm\?token=[0-9a-f]{64}/.exec(message.text)![0]);
    const confirmPath = `${link.pathname}${link.search}`;
    const confirm = await scrapeForm(confirmPath, "", hasField("token"));
    const confirmed = await postAction(confirmPath, actionIdOf(confirm), [["token", link.searchParams.get("token")!]]);
    const unsubscribeUrl = new URL((confirmed.answer as { data: { unsubscribeUrl: string } }).data.unsubscribeUrl);
    const unsubscribePath = `${unsubscribeUrl.pathname}${unsubscribeUrl.search}`;
    const unsubscribe = await scrapeForm(unsubscribePath, "", hasField("token"));
    const preferencesPath = `/newsletter/preferences?token=${addDeliveryToken(email)}`;
    const savePreferences = await scrapeForm(preferencesPath, "", (form) => (form.textContent ?? "").includes("Save my lists"));
    const leaveAll = await scrapeForm(preferencesPath, "", (form) => (form.textContent ?? "").includes("Leave all"));
    const statuses = () => withPortalDb((db) => db.prepare("select status, count(*) as n from newsletter_subscribers group by status order by status").all());
    const before = statuses();
    for (const [label, pagePath, form] of [
      ["newsletter confirm", confirmPath, confirm],
      ["newsletter unsubscribe", unsubscribePath, unsubscribe],
      ["newsletter preferences save", preferencesPath, savePreferences],
      ["newsletter preferences leave all", preferencesPath, leaveAll],
    ] as const) {
      await assertBatches(label, fc.record({ token: fc.oneof(hostileText(), fc.stringMatching(/^[0-9a-f]{64}$/), fc.constant("x".repeat(201))), extra: fc.array(fc.tuple(fc.constantFrom("__proto__", "token", "status", "email"), hostileText()), { maxLength: 2 }) }), async ({ token, extra }) => {
        const answered = await postAction(pagePath, actionIdOf(form), [["token", token], ...extra]);
        if (answered.status >= 500 || !answered.answer || !("ok" in answered.answer) || answered.answer.ok || isServerError(answered)) {
          throw new Error(`${label}: answered ${answered.status} ${JSON.stringify(answered.answer)}`);
        }
      });
    }
    expect(statuses()).toEqual(before);
  });

  it("the preference page's own token with any list fields: an answer, never a 500, and only lists the page offers are joined", async () => {
    const email = `hostile-preferences-${run}@fuzz.example`;
    withPortalDb((db) =>
      db
        .prepare("insert into newsletter_subscribers (email, status, signed_up_at, confirmed_at) values (?, 'confirmed', ?, ?)")
        .run(email, Date.now(), Date.now()),
    );
    const path = `/newsletter/preferences?token=${addDeliveryToken(email)}`;
    const form = await scrapeForm(path, "", (each) => (each.textContent ?? "").includes("Subscribe to the lists ticked"));
    const offered = Object.keys(form).filter((name) => name.startsWith("list-"));
    // A control character in a field's name makes the part header malformed, which Next's own
    // multipart reader answers with its 500 before any action runs (docs/security.md, "Odd input").
    const listField = fc.oneof(fc.constantFrom(...offered, "list-0", "list-999999999", "list-1e3", "list--1", "list-"), hostileText().map((name) => name.replace(/[\u0000-\u001f\u007f]/g, "")));
    const listValue = fc.oneof(fc.constantFrom("on", "yes", "true", ""), hostileText());
    await assertBatches("newsletter preferences lists", fc.array(fc.tuple(listField, listValue), { maxLength: 6 }), async (fields) => {
      const answered = await postAction(path, actionIdOf(form), [["token", form.token as string], ...fields]);
      if (answered.status >= 500 || !answered.answer || !("ok" in answered.answer) || isServerError(answered)) throw new Error(`answered ${answered.status} ${JSON.stringify(answered.answer)}`);
    });
    const joined = withPortalDb((db) => db.prepare("select 'list-' || list_id from newsletter_list_members m join newsletter_subscribers s on s.id = m.subscriber_id where s.email = ?").pluck().all(email) as string[]);
    for (const name of joined) expect(offered).toContain(name);
  });
});
