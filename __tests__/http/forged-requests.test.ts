import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { completeSignIn, latestSignInLink, requestSignInLink, sessionCookieFrom } from "../helpers/auth";
import { actionAnswer, hasField, postAction, postUploadForm, scrapeForm, scrapeUploadForm, type FormFields } from "../helpers/forms";
import { inPool, scalar } from "../helpers/owners";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { builtActions, concreteUrl, routeFiles } from "../helpers/routes";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(120_000);

const run = crypto.randomBytes(4).toString("hex");

/** The three ways a POST can fail to come from our own pages. `null` sends no Origin at all. */
const forgedOrigins: [label: string, origin: string | null][] = [
  ["another site's Origin", "https://attacker.example"],
  ["Origin: null", "null"],
  ["no Origin", null],
];

let admin: string;
beforeAll(async () => {
  admin = storedSessionCookie(`forged-admin-${run}@coop.example`, "admin");
});

/** A form's fields under React's reply encoding, as the page's script sends them to an action. */
function replyBody(fields: FormFields) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) if (!name.startsWith("$ACTION")) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([null, "$K1"]));
  return body;
}

/** Posts a scraped form as a browser without JavaScript does (multipart, the `$ACTION_` fields in it). */
function postPlainForm(urlPath: string, fields: FormFields, origin: string | null, cookie?: string) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return fetch(portalUrl(urlPath), { method: "POST", body, redirect: "manual", headers: { ...(origin !== null && { Origin: origin }), ...(cookie && { Cookie: cookie }) } });
}

const actionIdIn = (fields: FormFields) => (JSON.parse(String(Object.entries(fields).find(([name]) => /^\$ACTION_\d+:0$/.test(name))![1])) as { id: string }).id;

describe("server actions posted from elsewhere", () => {
  /**
   * Three actions that write when our own page sends them: a public one, one that acts on
   * the caller's session, and an admin's. Each is sent as the page's script sends it and as
   * a browser without JavaScript does, from each forged origin; then from our own origin,
   * which must write (else the refusals above would prove nothing).
   */
  const cases = [
    {
      name: "the newsletter signup (public)",
      page: "/visit",
      prepare: async () => {
        const email = `forged-signup-${crypto.randomBytes(4).toString("hex")}@coop.example`;
        const form = await scrapeForm("/visit", "", hasField("firstName"));
        return { fields: { ...form, email, firstName: "Forged" }, cookie: undefined, written: () => scalar("select count(*) from newsletter_subscribers where email = ?", [email]) > 0 };
      },
    },
    {
      name: "subscribing from the account (the caller's session)",
      page: "/account",
      prepare: async () => {
        const email = `forged-member-${crypto.randomBytes(4).toString("hex")}@coop.example`;
        const cookie = storedSessionCookie(email, "member");
        const form = await scrapeForm("/account", cookie, (f) => f.querySelector("button")?.textContent?.trim() === "Subscribe");
        return { fields: form, cookie, written: () => scalar("select count(*) from newsletter_subscribers where email = ?", [email]) > 0 };
      },
    },
    {
      name: "changing a role (an admin's)",
      page: "/staff/people",
      prepare: async () => {
        const email = `forged-target-${crypto.randomBytes(4).toString("hex")}@coop.example`;
        storedSessionCookie(email, "member");
        const userId = scalar<string>("select id from users where email = ?", [email]);
        const form = await scrapeForm("/staff/people", admin, hasField("userId", userId));
        return { fields: { ...form, role: "admin" }, cookie: admin, written: () => scalar<string>("select role from users where id = ?", [userId]) === "admin" };
      },
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))("%s: refused from every forged origin, with or without JavaScript; written from our own", async (_name, c) => {
    const { fields, cookie, written } = await c.prepare();
    for (const [label, origin] of forgedOrigins) {
      const script = await postAction(c.page, actionIdIn(fields), replyBody(fields), { cookie, origin });
      const scriptBody = await script.text();
      const plain = await postPlainForm(c.page, fields, origin, cookie);
      await plain.arrayBuffer();
      expect({ label, written: written() }).toEqual({ label, written: false });
      if (origin === null) {
        // Next runs an action without Origin; defineAction refuses it before anything else.
        expect(scriptBody).toContain("can only be sent from the co-op’s own pages");
      } else {
        // Next refuses a foreign or null Origin itself, before the action runs.
        expect({ label, status: script.status, plain: plain.status }).toEqual({ label, status: 500, plain: 500 });
      }
    }
    const own = await postAction(c.page, actionIdIn(fields), replyBody(fields), { cookie });
    expect(await actionAnswer(c.page, own)).toMatchObject({ ok: true });
    expect(written()).toBe(true);
  });

  it("every action, even an admin's, is refused without Origin before its role check, and by Next from another site or null", async () => {
    const built = [...builtActions().values()];
    const answers = await inPool(built, 1, async ({ id, page }) => {
      const url = concreteUrl(page);
      const seen: string[] = [];
      for (const [, origin] of forgedOrigins) {
        const body = new FormData();
        body.append("0", JSON.stringify([null, "not a form"]));
        const response = await postAction(url, id, body, { cookie: admin, origin });
        if (origin === null) {
          const answer = await actionAnswer(url, response);
          seen.push("message" in answer ? answer.message! : JSON.stringify(answer));
        } else {
          await response.arrayBuffer();
          seen.push(String(response.status));
        }
      }
      return seen;
    });
    const refusal = "This form can only be sent from the co-op’s own pages. Reload the page and send it again.";
    expect(answers).toEqual(built.map(() => ["500", "500", refusal]));
  });
});

describe("route handlers posted from elsewhere", () => {
  it("the handlers that take a POST are the sign-in endpoints, the three upload routes and the one-click unsubscribe, and no others", () => {
    const withPost = routeFiles()
      .filter(({ kind, file }) => kind === "handler" && /export\s+(async\s+)?(function|const)\s+POST\b/.test(fs.readFileSync(path.join(process.cwd(), file), "utf8")))
      .map(({ pattern }) => pattern);
    expect(withPost).toEqual(["/api/auth/[...nextauth]", "/api/jobs/[id]/applications", "/api/staff/newsletter/import", "/api/staff/newsletter/issues", "/newsletter/unsubscribe/one-click"]);
  });

  it.each(forgedOrigins)("the upload routes (a job application, a Rutabaga Rap issue, a mailing list to import) refuse a post with %s, even an admin's, and write nothing", async (_label, origin) => {
    const email = `forged-upload-${crypto.randomBytes(4).toString("hex")}@coop.example`;
    const jobRoute = (await scrapeUploadForm(concreteUrl("/jobs/[slug]/apply"), "", hasField("resumeText"))).action;
    const application = await postUploadForm(jobRoute, { name: "Forged", email, phone: "585-555-0101", availability: "Any", coverLetter: "", resumeText: "Forged." }, { origin });
    const issue = await postUploadForm("/api/staff/newsletter/issues", { title: `Forged ${email}`, issuedOn: "2026-01-01", summary: "" }, { origin, cookie: admin });
    const uploadsBefore = scalar("select count(*) from uploads", []);
    const list = await postUploadForm("/api/staff/newsletter/import", { file: new Blob([`email\n${email}\n`], { type: "text/csv" }) }, { origin, cookie: admin });
    expect([application, issue, list].map(({ status, answer }) => ({ status, code: answer.code }))).toEqual([
      { status: 403, code: "forbidden" },
      { status: 403, code: "forbidden" },
      { status: 403, code: "forbidden" },
    ]);
    expect(scalar("select count(*) from uploads", [])).toBe(uploadsBefore);
    expect(scalar("select count(*) from job_applications where email = ?", [email])).toBe(0);
    expect(scalar("select count(*) from newsletter_issues where title = ?", [`Forged ${email}`])).toBe(0);
  });

  it.each(forgedOrigins)("completing a sign-in with %s is refused: no session, and the link still works from our page", async (_label, origin) => {
    const email = `forged-signin-${crypto.randomBytes(4).toString("hex")}@coop.example`;
    await requestSignInLink(email);
    const link = await latestSignInLink(email);
    const forged = await fetch(portalUrl("/api/auth/callback/email"), {
      method: "POST",
      body: new URLSearchParams({ token: link.searchParams.get("token")!, callbackUrl: "/account" }),
      redirect: "manual",
      headers: origin === null ? {} : { Origin: origin },
    });
    expect(forged.status).toBe(403);
    expect(sessionCookieFrom(forged)).toBeUndefined();
    expect(scalar("select count(*) from sessions where user_id = (select id from users where email = ?)", [email])).toBe(0);
    expect(sessionCookieFrom(await completeSignIn(link))).toBeDefined();
  });

  it("asking for a sign-in link from another site or null is refused and queues nothing; without Origin it is the documented API for scripts", async () => {
    const email = `forged-link-${crypto.randomBytes(4).toString("hex")}@coop.example`;
    const tokens = () => scalar("select count(*) from verification_tokens where identifier = ?", [email]);
    for (const origin of ["https://attacker.example", "null"]) {
      const response = await fetch(portalUrl("/api/auth/signin/email"), { method: "POST", body: new URLSearchParams({ email }), headers: { Origin: origin } });
      expect({ origin, status: response.status }).toEqual({ origin, status: 403 });
    }
    expect(tokens()).toBe(0);
    // No cookie is read and the answer is the same for every address: a script may ask.
    const script = await fetch(portalUrl("/api/auth/signin/email"), { method: "POST", body: new URLSearchParams({ email }) });
    expect(script.status).toBe(200);
    expect(tokens()).toBe(1);
  });

  it.each(forgedOrigins)("signing out with %s and no CSRF token ends no session", async (_label, origin) => {
    const email = `forged-signout-${crypto.randomBytes(4).toString("hex")}@coop.example`;
    const cookie = storedSessionCookie(email, "member");
    const response = await fetch(portalUrl("/api/auth/signout"), { method: "POST", body: new URLSearchParams({}), redirect: "manual", headers: { Cookie: cookie, ...(origin !== null && { Origin: origin }) } });
    await response.arrayBuffer();
    expect((await fetch(portalUrl("/account"), { redirect: "manual", headers: { Cookie: cookie } })).status).toBe(200);
  });

  it.each(forgedOrigins)("the RFC 8058 one-click unsubscribe is the documented exception: with %s and no cookie it unsubscribes", async (_label, origin) => {
    const email = `forged-oneclick-${crypto.randomBytes(4).toString("hex")}@coop.example`;
    const token = crypto.randomBytes(32).toString("hex");
    withPortalDb((db) =>
      db
        .prepare("insert into newsletter_subscribers (email, status, confirmed_at, unsubscribe_token_hash, signed_up_at) values (?, 'confirmed', ?, ?, ?)")
        .run(email, Date.now(), crypto.createHash("sha256").update(token).digest("hex"), Date.now()),
    );
    const response = await fetch(portalUrl(`/newsletter/unsubscribe?token=${token}`), {
      method: "POST",
      body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }),
      headers: origin === null ? {} : { Origin: origin },
    });
    expect(response.status).toBe(200);
    expect(scalar("select status from newsletter_subscribers where email = ?", [email])).toBe("unsubscribed");
  });
});

const onePolicy = (headers: Headers) => {
  const csp = headers.get("content-security-policy") ?? "";
  // fetch joins repeated headers with ", ": a comma means two policies.
  return csp !== "" && !csp.includes(",") ? csp : `not exactly one policy: ${JSON.stringify(csp)}`;
};

const noneAtAll = "default-src 'none'; frame-ancestors 'none'; sandbox";
const isPrivate = (url: string) => /^\/(staff|account|login)(\/|$|\?)/.test(url);
/** Pages that read an emailed token: rendered per request and never cached. */
const tokenPages = ["/newsletter/confirm", "/newsletter/preferences", "/newsletter/unsubscribe"];

describe("headers on every page and route", () => {
  it("each answers with one policy of its kind, nosniff, a Referrer-Policy, no framing, and no-store where private", async () => {
    const targets = [
      ...routeFiles().map(({ kind, pattern }) => ({ kind, url: pattern === "/api/monographs/search" ? "/api/monographs/search?q=ginger" : concreteUrl(pattern) })),
      { kind: "page" as const, url: "/no-such-page" },
      { kind: "page" as const, url: "/staff/no-such-page" },
    ];
    const report = await inPool(targets, 6, async ({ url }) => {
      const response = await fetch(portalUrl(url), { redirect: "manual", headers: isPrivate(url) || url.startsWith("/api/staff") ? { Cookie: admin } : {} });
      await response.arrayBuffer();
      const csp = onePolicy(response.headers);
      const policyKind =
        csp === noneAtAll ? "none" : /'nonce-[^']+' 'strict-dynamic'/.test(csp) ? "nonce" : csp.includes("script-src 'self' 'unsafe-inline'") ? "fixed" : csp;
      const cacheControl = response.headers.get("cache-control") ?? "";
      return {
        url,
        status: response.status,
        policy: policyKind,
        framing: csp.includes("frame-ancestors 'none'"),
        nosniff: response.headers.get("x-content-type-options"),
        referrer: response.headers.get("referrer-policy"),
        noStore: cacheControl.includes("no-store"),
      };
    });
    const expected = report.map(({ url, status }, index) => {
      const { kind } = targets[index]!;
      const mustNotBeStored = isPrivate(url) || url.startsWith("/api/staff") || tokenPages.includes(url);
      return {
        url,
        status: status >= 500 ? "not a server error" : status,
        policy: kind === "handler" ? "none" : isPrivate(url) ? "nonce" : "fixed",
        framing: true,
        nosniff: "nosniff",
        referrer: "strict-origin-when-cross-origin",
        noStore: mustNotBeStored ? true : report[index]!.noStore,
      };
    });
    expect(report).toEqual(expected);
  });

  it("the session cookie is HttpOnly, SameSite=Lax, for the whole site, and not Secure on plain http", async () => {
    const email = `forged-cookie-${run}@coop.example`;
    await requestSignInLink(email);
    const response = await completeSignIn(await latestSignInLink(email));
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith("next-auth.session-token="))!;
    const attributes = cookie.split(";").slice(1).map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
    expect(attributes).not.toContain("secure");
  });
});
