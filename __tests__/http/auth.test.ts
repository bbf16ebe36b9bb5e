import { fetchPage, text } from "../helpers/html";
import {
  completeSignIn,
  ensureUser,
  latestSignInLink,
  requestSignInLink,
  sessionCookieFrom,
} from "../helpers/auth";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { emailsTo } from "../helpers/wait-for-email";

// A test waits up to a minute for its sign-in email (helpers/auth.ts), and then goes on.
jest.setTimeout(120_000);

/** Messages to `to` ever queued: the queue keeps sent ones (their bodies blanked in time). */
const queuedFor = (to: string) => withPortalDb((db) => db.prepare('select count(*) from email_outbox where "to" = ?').pluck().get(to)) as number;

describe("signing in by an emailed link", () => {
  const email = "auth-staff@coop.example";
  let link: URL;

  beforeAll(() => ensureUser(email, "staff"));

  it("emails a link over SMTP, with a plain-text and an HTML part", async () => {
    const response = await requestSignInLink(email, "/staff");
    expect(response.status).toBe(200);
    link = await latestSignInLink(email);
    expect(link.pathname).toBe("/login/verify");
    const message = (await emailsTo(email)).at(-1)!;
    expect(message.subject).toMatch(/sign-in link/i);
    expect(message.html).toContain(link.toString().replace(/&/g, "&amp;"));
    expect(message.text).toMatch(/expires in 10 minutes/);
  });

  it("opens a page that names the account and changes nothing until its button is pressed", async () => {
    for (let visit = 0; visit < 2; visit++) {
      const { status, document } = await fetchPage(`${link.pathname}${link.search}`);
      expect(status).toBe(200);
      expect(text(document.querySelector("main"))).toContain(`signing in as ${email}`);
      const form = document.querySelector('form[action="/api/auth/callback/email"]')!;
      expect(form.getAttribute("method")).toBe("post");
      expect(form.querySelector('input[name="token"]')?.getAttribute("value")).toBe(link.searchParams.get("token"));
    }
  });

  it("signs in with the button and the session opens the staff area", async () => {
    const response = await completeSignIn(link);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(portalUrl("/staff"));
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // the test portal is on plain http

    const staff = await fetch(portalUrl("/staff"), { headers: { Cookie: sessionCookieFrom(response)! }, redirect: "manual" });
    expect(staff.status).toBe(200);
    expect(await staff.text()).toContain("Staff dashboard");
    const lastSignIn = withPortalDb((db) => db.prepare("select last_sign_in_at from users where email = ?").get(email)) as {
      last_sign_in_at: number | null;
    };
    expect(lastSignIn.last_sign_in_at).toBeGreaterThan(Date.now() - 60_000);
  });

  it("refuses the same link a second time", async () => {
    const again = await completeSignIn(link);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(portalUrl("/login?error=Verification"));
    expect(sessionCookieFrom(again)).toBeUndefined();
    const page = await fetchPage(`${link.pathname}${link.search}`);
    expect(text(page.document.querySelector("h1"))).toMatch(/no longer works/i);
  });

  it("refuses an expired link", async () => {
    const expiring = "auth-expired@coop.example";
    await requestSignInLink(expiring);
    const expiredLink = await latestSignInLink(expiring);
    withPortalDb((db) => db.prepare("update verification_tokens set expires = ? where identifier = ?").run(Date.now() - 1000, expiring));

    const page = await fetchPage(`${expiredLink.pathname}${expiredLink.search}`);
    expect(text(page.document.querySelector("main"))).toMatch(/expired/i);
    const response = await completeSignIn(expiredLink);
    expect(response.headers.get("location")).toMatch(/\/login\?error=Verification$/);
    expect(sessionCookieFrom(response)).toBeUndefined();
  });

  it("refuses a tampered link", async () => {
    const tampered = "auth-tampered@coop.example";
    await requestSignInLink(tampered);
    const real = await latestSignInLink(tampered);
    const token = real.searchParams.get("token")!;
    const forged = new URL(real);
    forged.searchParams.set("token", `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`);

    const response = await completeSignIn(forged);
    expect(response.headers.get("location")).toMatch(/\/login\?error=Verification$/);
    expect(sessionCookieFrom(response)).toBeUndefined();
  });

  it("refuses a sign-in posted from another site", async () => {
    const victim = "auth-csrf@coop.example";
    await requestSignInLink(victim);
    const real = await latestSignInLink(victim);
    const response = await fetch(portalUrl("/api/auth/callback/email"), {
      method: "POST",
      body: new URLSearchParams({ token: real.searchParams.get("token")! }),
      headers: { Origin: "https://attacker.example" },
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(sessionCookieFrom(response)).toBeUndefined();
  });
});

describe("odd requests to the sign-in pages", () => {
  it.each(["null", "[]", "42", '"token"'])("a callback POST whose JSON body is %s goes back to /login, signing nobody in", async (body) => {
    const response = await fetch(portalUrl("/api/auth/callback/email"), {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json", Origin: new URL(portalUrl()).origin },
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/\/login\?error=Verification$/);
    expect(sessionCookieFrom(response)).toBeUndefined();
  });

  it.each(["__proto__", "constructor", "toString"])("/login?error=%s shows the general notice", async (error) => {
    const login = await fetchPage(`/login?error=${error}`);
    expect(login.status).toBe(200);
    expect(text(login.document.querySelector('[role="alert"]'))).toBe("Signing in did not work. Please ask for a new link.");
  });
});

describe("sign-in by GET", () => {
  it("a GET of the callback address signs nobody in, says why on /login, and leaves the link usable", async () => {
    const attacker = "auth-get-forgery@coop.example";
    await requestSignInLink(attacker);
    const link = await latestSignInLink(attacker);
    const forged = new URL("/api/auth/callback/email", portalUrl());
    forged.searchParams.set("token", link.searchParams.get("token")!);
    forged.searchParams.set("email", attacker);

    const response = await fetch(forged, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(portalUrl("/login?error=UseButton"));
    expect(sessionCookieFrom(response)).toBeUndefined();
    const login = await fetchPage("/login?error=UseButton");
    expect(text(login.document.querySelector('[role="alert"]'))).toMatch(/nothing was signed in/i);

    expect(sessionCookieFrom(await completeSignIn(link))).toBeDefined();
  });
});

describe("asking for a link", () => {
  it("answers known and unknown addresses byte for byte alike", async () => {
    const known = await requestSignInLink("auth-staff@coop.example");
    const unknown = await requestSignInLink(`nobody-${Date.now()}@coop.example`);
    expect(unknown.status).toBe(known.status);
    expect(unknown.headers.get("content-type")).toBe(known.headers.get("content-type"));
    expect(Buffer.from(await unknown.arrayBuffer())).toEqual(Buffer.from(await known.arrayBuffer()));
  });

  it("refuses the sixth request for one address within 15 minutes, saying when to try again and that sent links still work, which they do", async () => {
    const email = `limited-${Date.now()}@coop.example`;
    for (let request = 1; request <= 5; request++) expect((await requestSignInLink(email)).status).toBe(200);
    const sixth = await requestSignInLink(email);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    const { message } = await sixth.json();
    expect(message).toMatch(/ask for a new one in \d+ minutes/i);
    expect(message).toMatch(/any link we emailed in the last 10 minutes still works/i);
    // A refusal is answered after its transaction: the queue holds what was ever sent.
    expect(queuedFor(email)).toBe(5);
    const sent = await latestSignInLink(email, 5);
    expect(sessionCookieFrom(await completeSignIn(sent))).toBeDefined();
  });

  it("answers a malformed address with a field error and sends nothing", async () => {
    const response = await requestSignInLink("not-an-email");
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors.email[0]).toMatch(/email address/i);
    expect(queuedFor("not-an-email")).toBe(0);
  });

  it("refuses a request sent by another site's page (Origin foreign or null) and queues nothing", async () => {
    const target = "auth-cross-site@coop.example";
    for (const origin of ["https://attacker.example", "null"]) {
      const response = await fetch(portalUrl("/api/auth/signin/email"), {
        method: "POST",
        body: new URLSearchParams({ email: target }),
        headers: { Origin: origin },
      });
      expect(response.status).toBe(403);
    }
    expect(queuedFor(target)).toBe(0);
    const sameSite = await fetch(portalUrl("/api/auth/signin/email"), {
      method: "POST",
      body: new URLSearchParams({ email: target }),
      headers: { Origin: new URL(portalUrl()).origin },
    });
    expect(sameSite.status).toBe(200);
    expect(queuedFor(target)).toBe(1);
  });
});
