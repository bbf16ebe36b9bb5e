import crypto from "node:crypto";
import fc from "fast-check";
import { callAction, hasField, scrapeForm } from "../../helpers/forms";
import { CONCURRENCY, RUNS, SEED, assertBatches, carriesMarkup, fuzzAction, hostileText, injectedMarkup, onOwnPortal, type FieldSpec, type GeneratedForm } from "../../helpers/hostile";
import { applicationFields, applicationIdOf, submitApplication } from "../../helpers/owners";
import { portalUrl, withPortalDb } from "../../helpers/portal";
import { storedSessionCookie } from "../../helpers/stored-session";

jest.setTimeout(15 * 60_000);

const run = crypto.randomBytes(4).toString("hex");
const count = (sql: string) => withPortalDb((db) => db.prepare(sql).pluck().get() as number);
const footprint = () => ({
  owners: count("select count(*) from owners"),
  household: count("select count(*) from owner_household_members"),
  users: count("select count(*) from users"),
  subscribers: count("select count(*) from newsletter_subscribers"),
  sessions: count("select count(*) from sessions"),
  audit: count("select count(*) from audit_log"),
  outbox: count("select count(*) from email_outbox"),
});
const newAddress = fc.uuid().map((id) => `household-${id.slice(0, 13)}@fuzz.example`);
const pressButton = (label: string) => (form: HTMLFormElement) => form.querySelector("button")?.textContent?.trim() === label;

let staff: string;
let admin: string;
let owner: string;

onOwnPortal("hostile-account");

beforeAll(async () => {
  staff = storedSessionCookie(`hostile-routes-staff-${run}@coop.example`, "staff");
  admin = storedSessionCookie(`hostile-routes-admin-${run}@coop.example`, "admin");
  const email = `hostile-account-owner-${run}@fuzz.example`;
  expect(await submitApplication(applicationFields(email))).toEqual({ redirect: "/owners/apply/thanks" });
  const applicationPath = `/staff/owners/applications/${applicationIdOf(email)}`;
  expect(await callAction(applicationPath, await scrapeForm(applicationPath, staff, hasField("joinedOn")), staff)).toMatchObject({ ok: true });
  owner = storedSessionCookie(email);
});

afterAll(() => {
  console.log(`hostile-input account actions and routes: seed ${SEED}, ${RUNS} inputs per target, ${CONCURRENCY} at once`);
});

describe(`an owner's and a member's own actions (${RUNS} inputs each)`, () => {
  it("the primary owner's contact details and household: refusals store nothing, saved names stay text on /account", async () => {
    const shown = async () => {
      const injected = injectedMarkup(await (await fetch(portalUrl("/account"), { headers: { Cookie: owner } })).text());
      if (injected.length > 0) throw new Error(`/account shows injected markup: ${injected.join(" | ")}`);
    };
    let checks = 0;
    const checkSome = async (input: GeneratedForm) => {
      if (carriesMarkup(input) && checks++ < 12) await shown();
    };
    await fuzzAction({
      label: "owner contact",
      path: "/account",
      cookie: owner,
      form: await scrapeForm("/account", owner, hasField("streetAddress")),
      specs: [
        { name: "phone", kind: "other", required: true, valid: fc.constant("585-555-0134") },
        { name: "streetAddress", kind: "text", max: 120, required: true },
        { name: "locality", kind: "text", max: 80, required: true },
        { name: "region", kind: "text", max: 40, required: true },
        { name: "postalCode", kind: "other", required: true, valid: fc.constant("14609") },
      ],
      footprint,
      onAccepted: checkSome,
    });
    const rows = [0, 1, 2, 6].flatMap((row): FieldSpec[] => [
      { name: `household.${row}.name`, kind: "text", max: 120, required: false },
      { name: `household.${row}.email`, kind: "other", required: false, valid: newAddress, fresh: true },
    ]);
    checks = 0;
    await fuzzAction({
      label: "household",
      path: "/account",
      cookie: owner,
      form: await scrapeForm("/account", owner, hasField("household.0.name")),
      base: { "household.0.name": "Sam Household" },
      specs: rows,
      footprint,
      // Each save replaces the household: up to six members, each new address invited by email (no account is made before they accept).
      perAccepted: { household: 7, outbox: 6 },
      onAccepted: checkSome,
    });
  });

  it("a member's subscribe, unsubscribe and sign-out buttons take any extra fields without a 500", async () => {
    const member = storedSessionCookie(`hostile-member-${run}@fuzz.example`, "member");
    const subscribe = await scrapeForm("/account", member, pressButton("Subscribe"));
    expect(await callAction("/account", subscribe, member)).toMatchObject({ ok: true });
    const unsubscribe = await scrapeForm("/account", member, pressButton("Leave all"));
    for (const [label, form] of [
      ["subscribe from the account", subscribe],
      ["unsubscribe from the account", unsubscribe],
    ] as const) {
      await fuzzAction({ label, path: "/account", cookie: member, form, specs: [], footprint, perAccepted: { outbox: 1, subscribers: 1 } });
    }
    // Both end the session on the first accepted press: the rest meet the action's own sign-in check.
    for (const [label, button] of [
      ["sign out", "Sign out"],
      ["sign out everywhere", "Sign out everywhere"],
    ] as const) {
      const cookie = storedSessionCookie(`hostile-leaver-${run}@fuzz.example`, "member");
      await fuzzAction({ label, path: "/account", cookie, form: await scrapeForm("/account", cookie, pressButton(button)), specs: [], footprint, perAccepted: { sessions: 1 } });
    }
  });
});

/** A path segment or query value as a client would send it: percent-encoded, lone surrogates left out (they cannot be encoded). */
const encoded = hostileText().map((value) => encodeURIComponent(value.replaceAll(/[\ud800-\udfff]/g, "")));
const segment = fc.oneof(encoded, fc.constantFrom("1", "0", "-1", "99999999999999", "1e3", "0x10", "..", "%2e%2e", "%2F", "__proto__", "constructor"));
const query = fc.array(fc.tuple(fc.constantFrom("q", "page", "status", "id", "callbackUrl", "token", "__proto__", "q[]", "x"), encoded), { maxLength: 4 }).map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join("&"));

type Route = { path: (segment: string) => string; cookie?: () => string; json?: boolean };
const routes: [string, Route][] = [
  ["GET /api/health", { path: () => "/api/health", json: true }],
  ["GET /api/monographs/search", { path: (value) => `/api/monographs/search?q=${value}`, json: true }],
  ["GET /api/staff/jobs", { path: () => "/api/staff/jobs", cookie: () => staff, json: true }],
  ["GET /api/staff/jobs/[id]/applicants", { path: (value) => `/api/staff/jobs/${value}/applicants`, cookie: () => staff, json: true }],
  ["GET /api/staff/newsletter/campaigns", { path: () => "/api/staff/newsletter/campaigns", cookie: () => staff, json: true }],
  ["GET /api/staff/newsletter/campaigns/[id]/progress", { path: (value) => `/api/staff/newsletter/campaigns/${value}/progress`, cookie: () => staff, json: true }],
  ["GET /api/auth/[...nextauth]", { path: (value) => `/api/auth/${["session", "csrf", "providers", "signout", "callback/email", value][value.length % 6]}` }],
  ["GET /staff/jobs/applicants/[id]/resume", { path: (value) => `/staff/jobs/applicants/${value}/resume`, cookie: () => staff }],
  ["GET /staff/owners/applications/[id]/pdf", { path: (value) => `/staff/owners/applications/${value}/pdf`, cookie: () => staff }],
  ["GET /newsletter/issues/[slug]", { path: (value) => `/newsletter/issues/${value}` }],
  // The upload routes take a form's POST; here they meet any method and body, a posting id that may not be one, and staff's session.
  ["POST /api/jobs/[id]/applications", { path: (value) => `/api/jobs/${value}/applications` }],
  ["POST /api/staff/newsletter/issues", { path: () => "/api/staff/newsletter/issues", cookie: () => staff }],
  ["POST /api/staff/newsletter/import", { path: () => "/api/staff/newsletter/import", cookie: () => staff }],
  ["GET /newsletter/unsubscribe/one-click", { path: (value) => `/newsletter/unsubscribe/one-click?token=${value}` }],
  // The routes that take nothing from the path or query share one target: the three feeds and the two staff exports.
  [
    "GET the feeds and the staff exports",
    {
      path: (value) => ["/jobs/feed.xml", "/newsletter/emails/feed.xml", "/newsletter/issues/feed.xml", "/staff/owners/export.csv", "/staff/newsletter/subscribers/export.csv"][value.length % 5]!,
      cookie: () => staff,
    },
  ],
];

describe(`route handlers answer any path, query and method without a 500 (${RUNS} inputs each)`, () => {
  it.each(routes)("%s", async (label, route) => {
    const input = fc.record({
      segment,
      query,
      method: fc.constantFrom("GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"),
      body: fc.oneof(fc.constant(undefined), hostileText(), fc.constant('{"__proto__":{"admin":true}}')),
    });
    await assertBatches(label, input, async ({ segment: value, query: search, method, body }) => {
      const target = route.path(value);
      const url = portalUrl(`${target}${search ? `${target.includes("?") ? "&" : "?"}${search}` : ""}`);
      const response = await fetch(url, {
        method,
        redirect: "manual",
        body: method === "GET" || method === "HEAD" ? undefined : body,
        headers: { ...(route.cookie && { Cookie: route.cookie() }), ...(method !== "GET" && method !== "HEAD" && { Origin: new URL(portalUrl()).origin }) },
      });
      const text = await response.text();
      if (response.status >= 500) throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 300)}`);
      if (route.json && method === "GET" && response.status === 200) JSON.parse(text);
    });
  });
});

/** Pages that read a path segment or the query, with `{}` where a generated value goes. */
const publicPages = [
  "/jobs/{}", "/jobs/{}/apply", "/jobs/{}/apply/thanks", "/jobs/{}/apply/returned", "/health/{}", "/health/{}/print", "/about/{}", "/newsletter/emails/{}",
  "/health/search?q={}&page={}", "/health/search?q={}&q={}", "/health/search/results?q={}", "/health/search/results?q={}&q={}", "/newsletter/unsubscribe?token={}", "/newsletter/confirm?token={}",
  "/login?callbackUrl={}&error={}", "/login/verify?token={}&callbackUrl={}",
];
const staffPages = [
  "/staff/jobs/{}", "/staff/jobs?status={}", "/staff/jobs/applicants/{}", "/staff/owners/{}", "/staff/owners?page={}&q={}",
  "/staff/owners/applications?status={}&page={}&page={}", "/staff/owners/applications/{}", "/staff/monographs/{}",
  "/staff/monographs?q={}&page={}&status={}", "/staff/outbox/{}", "/staff/outbox?status={}&page={}", "/staff/newsletter?status={}",
  "/staff/newsletter/subscribers?page={}&status={}", "/staff/newsletter/import?file={}&imported={}", "/staff/newsletter/campaigns/{}?confirm={}", "/staff/pages/{}/{}",
  "/staff/audit?page={}&action={}&actor={}", "/staff/people?page={}&q={}",
];

// Pages take no input but their address: a quarter of the forms' count each (every page render
// costs as much as a hundred refused actions), beyond what the forms and routes must get.
const PAGE_RUNS = Math.ceil(RUNS / 4);

describe(`pages answer any path segment and query without a 500 (${PAGE_RUNS} inputs for the public pages, ${PAGE_RUNS} for the staff pages)`, () => {
  it.each([
    ["public pages", publicPages, false],
    ["staff pages, as an admin", staffPages, true],
  ] as const)("%s", async (label, templates, asAdmin) => {
    const input = fc.record({ template: fc.constantFrom(...templates), values: fc.array(segment, { minLength: 3, maxLength: 3 }) });
    await assertBatches(label, input, async ({ template, values }) => {
      let index = 0;
      const url = portalUrl(template.replaceAll("{}", () => values[index++ % values.length]!));
      const response = await fetch(url, { redirect: "manual", headers: asAdmin ? { Cookie: admin } : {} });
      const html = await response.text();
      if (response.status >= 500) throw new Error(`GET ${url} answered ${response.status}: ${html.slice(0, 200)}`);
    }, PAGE_RUNS);
  });
});

describe("regressions the generated inputs found", () => {
  // Seed 20261206, "GET /api/auth/[...nextauth]": `GET /api/auth/session?callbackUrl=<script…>`
  // answered 500. next-auth takes a callbackUrl that is not a URL, in the query or in its
  // cookie, for a mistake in its own configuration; now the route answers 400 first.
  it.each([
    ["GET", "/api/auth/session?callbackUrl=%3Cscript%20data-hostile%3Ealert(1)%3C%2Fscript%3E", undefined],
    ["GET", "/api/auth/csrf?callbackUrl=javascript%3Aalert(1)", undefined],
    ["GET", "/api/auth/providers", "next-auth.callback-url=javascript:alert(1)"],
    ["POST", "/api/auth/signin/email?callbackUrl=%20", undefined],
    ["POST", "/api/auth/callback/email", "next-auth.callback-url=%3Cb%3E"],
  ])("%s %s (cookie %s) is a 400, not a server error", async (method, urlPath, cookie) => {
    const response = await fetch(portalUrl(urlPath), { method, redirect: "manual", headers: { Origin: new URL(portalUrl()).origin, ...(cookie && { Cookie: cookie }) } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "bad_request", message: "The address to return to after signing in is not a web address." });
  });

  it("a callbackUrl that is a path or a web address still reaches next-auth", async () => {
    for (const callbackUrl of ["/account", "http://127.0.0.1/x"]) {
      const response = await fetch(portalUrl(`/api/auth/csrf?callbackUrl=${encodeURIComponent(callbackUrl)}`));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ csrfToken: expect.any(String) });
    }
  });
});
