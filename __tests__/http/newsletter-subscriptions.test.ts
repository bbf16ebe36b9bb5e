import { callAction, forgedSessionCookie, hasField, scrapeForm, type FormFields } from "../helpers/forms";
import { parseCsv } from "../helpers/owners";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { waitForEmails } from "../helpers/wait-for-email";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(120_000);

type SubscriberRow = { id: number; status: string; confirmed_at: number | null; confirm_ip: string | null; unsubscribed_at: number | null; first_name: string | null };

const subscriber = (email: string) =>
  withPortalDb((sqlite) => sqlite.prepare("select * from newsletter_subscribers where email = ?").get(email) as SubscriberRow | undefined);
const subscriberRows = () => withPortalDb((sqlite) => sqlite.prepare("select * from newsletter_subscribers order by id").all());
const unique = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@coop.example`;
const get = (path: string, cookie?: string) => fetch(portalUrl(path), { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });

/** A prerendered public page: its aside carries the signup form. */
const ASIDE_PAGE = "/visit";
const signupForm = () => scrapeForm(ASIDE_PAGE, "", hasField("firstName"));

/** The raw bytes a signup's action POST answers with, as the page's script sends it (see callAction). */
async function signupResponseBytes(email: string, firstName = "") {
  const fields: FormFields = { ...(await signupForm()), email, firstName };
  const reference = Object.entries(fields).find(([name]) => /^\$ACTION_\d+:0$/.test(name))!;
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) if (!name.startsWith("$ACTION")) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([null, "$K1"]));
  const response = await fetch(portalUrl(ASIDE_PAGE), {
    method: "POST",
    body,
    headers: { "Next-Action": (JSON.parse(String(reference[1])) as { id: string }).id, Accept: "text/x-component", Origin: new URL(portalUrl()).origin },
  });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer()).toString("utf8");
}

async function signUp(email: string, firstName = "") {
  return callAction(ASIDE_PAGE, { ...(await signupForm()), email, firstName });
}

/** The confirmation link in the `count`th email to `email`. */
async function confirmLink(email: string, count = 1) {
  const emails = await waitForEmails(email, count);
  const match = /https?:\/\/\S+\/newsletter\/confirm\?token=[0-9a-f]{64}/.exec(emails[count - 1]!.text);
  if (!match) throw new Error(`No confirmation link in: ${emails[count - 1]!.text}`);
  return new URL(match[0]);
}

const pathOf = (url: URL | string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

/** Signs up and presses the confirm button; answers with the subscriber's own unsubscribe link. */
async function confirmedSubscriber(email: string, firstName = "") {
  await signUp(email, firstName);
  const link = pathOf(await confirmLink(email));
  const answer = await callAction(link, await scrapeForm(link, "", hasField("token")));
  return new URL((answer as { data: { unsubscribeUrl: string } }).data.unsubscribeUrl);
}

const oneClick = (token: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(portalUrl(`/newsletter/unsubscribe?token=${token}`), { method: "POST", body, redirect: "manual", headers });

describe("double opt-in", () => {
  it("emails a link whose page changes nothing until its button confirms, storing the time and client address", async () => {
    const email = unique("optin");
    expect(await signUp(email, "Olive")).toMatchObject({ ok: true, message: expect.stringMatching(/^Thank you! Check your inbox/) });
    const link = await confirmLink(email);

    const page = await get(pathOf(link));
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toContain("no-store");
    const html = await page.text();
    expect(html).toContain("Confirm my subscription");
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    expect(subscriber(email)).toMatchObject({ status: "pending", confirmed_at: null, confirm_ip: null });

    const before = Date.now();
    const button = await scrapeForm(pathOf(link), "", hasField("token"));
    const answer = await callAction(pathOf(link), button);
    expect(answer).toMatchObject({ ok: true, data: { unsubscribeUrl: expect.stringContaining("/newsletter/unsubscribe?token=") } });
    const row = subscriber(email)!;
    expect(row).toMatchObject({ status: "confirmed", confirm_ip: "127.0.0.1", first_name: "Olive" });
    expect(row.confirmed_at).toBeGreaterThanOrEqual(before - 1000);

    // The link is spent: opening it again says so, and its button (posted anyway) changes nothing.
    expect(await (await get(pathOf(link))).text()).toContain("This confirmation link does not work");
    expect(await callAction(pathOf(link), button)).toMatchObject({ ok: false, message: expect.stringContaining("Nothing was changed") });
    expect(subscriber(email)).toEqual(row);
  });

  it("answers the same bytes for a new, pending, confirmed or unsubscribed address, and keeps one row per address", async () => {
    const repeated = unique("thrice");
    const thrice = [await signupResponseBytes(repeated), await signupResponseBytes(repeated, "Tess"), await signupResponseBytes(repeated)];
    expect(new Set(thrice).size).toBe(1);
    expect(withPortalDb((sqlite) => sqlite.prepare("select count(*) from newsletter_subscribers where email = ?").pluck().get(repeated))).toBe(1);
    expect(await waitForEmails(repeated, 3)).toHaveLength(3);

    const confirmed = unique("confirmed");
    const unsubscribeLink = await confirmedSubscriber(confirmed);
    const unsubscribed = unique("unsubscribed");
    const theirLink = await confirmedSubscriber(unsubscribed);
    await oneClick(theirLink.searchParams.get("token")!, new URLSearchParams({ "List-Unsubscribe": "One-Click" }));
    expect(subscriber(unsubscribed)!.status).toBe("unsubscribed");

    const answers = [await signupResponseBytes(unique("fresh")), await signupResponseBytes(confirmed), await signupResponseBytes(unsubscribed)];
    expect(new Set([...answers, thrice[0]]).size).toBe(1);
    expect(subscriber(confirmed)!.status).toBe("confirmed");
    expect(subscriber(unsubscribed)!.status).toBe("unsubscribed");
    expect(unsubscribeLink.pathname).toBe("/newsletter/unsubscribe");
  });

  it("refuses a malformed address at its field and stores nothing", async () => {
    const before = subscriberRows();
    const answer = await signUp("not-an-address", "Nobody");
    expect(answer).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] }, values: { email: "not-an-address", firstName: "Nobody" } });
    expect(subscriberRows()).toEqual(before);
  });
});

describe("unsubscribing", () => {
  it("by RFC 8058 one-click: a cookieless POST from a foreign origin unsubscribes at once", async () => {
    const email = unique("oneclick");
    const token = (await confirmedSubscriber(email)).searchParams.get("token")!;
    const response = await oneClick(token, new URLSearchParams({ "List-Unsubscribe": "One-Click" }), { Origin: "https://mail.example" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/You are unsubscribed/);
    expect(subscriber(email)).toMatchObject({ status: "unsubscribed", unsubscribed_at: expect.any(Number) });
  });

  it("by one-click as multipart too", async () => {
    const email = unique("multipart");
    const token = (await confirmedSubscriber(email)).searchParams.get("token")!;
    const body = new FormData();
    body.append("List-Unsubscribe", "One-Click");
    expect((await oneClick(token, body)).status).toBe(200);
    expect(subscriber(email)!.status).toBe("unsubscribed");
  });

  it("refuses a bad token or a POST without List-Unsubscribe=One-Click, says so and changes nothing", async () => {
    const email = unique("kept");
    const token = (await confirmedSubscriber(email)).searchParams.get("token")!;
    const before = subscriberRows();
    const unknown = await oneClick("0".repeat(64), new URLSearchParams({ "List-Unsubscribe": "One-Click" }));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/does not work.*Nothing was changed/);
    expect((await oneClick("garbage", new URLSearchParams({ "List-Unsubscribe": "One-Click" }))).status).toBe(404);
    // At the page's address such a POST is not handed to the one-click handler at all; at the handler's own, it is refused.
    await oneClick(token, new URLSearchParams({ unsubscribe: "yes" }));
    const notOneClick = await fetch(portalUrl(`/newsletter/unsubscribe/one-click?token=${token}`), { method: "POST", body: new URLSearchParams({ unsubscribe: "yes" }) });
    expect(notOneClick.status).toBe(400);
    expect(subscriberRows()).toEqual(before);

    const page = await get(`/newsletter/unsubscribe?token=${"0".repeat(64)}`);
    expect(await page.text()).toContain("This unsubscribe link does not work");
  });

  it("by the emailed link: GET shows a button and changes nothing; the button unsubscribes", async () => {
    const email = unique("button");
    const link = await confirmedSubscriber(email);
    const page = await get(pathOf(link));
    expect(page.headers.get("cache-control")).toContain("no-store");
    expect(await page.text()).toContain(">Unsubscribe</button>");
    const redirect = await get(`/newsletter/unsubscribe/one-click?token=${link.searchParams.get("token")}`);
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toBe(pathOf(link));
    expect(subscriber(email)!.status).toBe("confirmed");

    expect(await callAction(pathOf(link), await scrapeForm(pathOf(link), "", hasField("token")))).toMatchObject({ ok: true, data: { alreadyUnsubscribed: false } });
    expect(subscriber(email)!.status).toBe("unsubscribed");
    expect(await (await get(pathOf(link))).text()).toContain("already unsubscribed");
  });
});

describe("on /account", () => {
  const pressButton = (label: string) => (form: HTMLFormElement) => form.querySelector("button")?.textContent?.trim() === label;

  it("a signed-in person subscribes at once (their sign-in proved the address) and unsubscribes", async () => {
    const email = unique("member");
    const cookie = storedSessionCookie(email, "member");
    expect(await (await get("/account", cookie)).text()).toContain("You do not receive the email newsletter.");

    expect(await callAction("/account", await scrapeForm("/account", cookie, pressButton("Subscribe")), cookie)).toMatchObject({ ok: true });
    expect(subscriber(email)).toMatchObject({ status: "confirmed", confirm_ip: "127.0.0.1", confirmed_at: expect.any(Number) });
    expect(await (await get("/account", cookie)).text()).toContain("You receive the email newsletter at this address");

    expect(await callAction("/account", await scrapeForm("/account", cookie, pressButton("Leave all")), cookie)).toMatchObject({ ok: true });
    expect(subscriber(email)!.status).toBe("unsubscribed");
    // Each action answers after its transaction: no mail was queued to the address by either.
    expect(withPortalDb((sqlite) => sqlite.prepare('select count(*) from email_outbox where "to" = ?').pluck().get(email))).toBe(0);
  });

  it("refuses the account actions without a session", async () => {
    const cookie = storedSessionCookie(unique("member2"), "member");
    const form = await scrapeForm("/account", cookie, pressButton("Subscribe"));
    const before = subscriberRows();
    // Without any session cookie the proxy sends the caller to sign in before the action runs;
    // with a cookie that matches no session, the action refuses by its own check.
    await expect(callAction("/account", form)).rejects.toThrow("answered 307: /login?callbackUrl=%2Faccount");
    expect(await callAction("/account", form, forgedSessionCookie)).toMatchObject({ ok: false, message: "Please sign in first." });
    expect(subscriberRows()).toEqual(before);
  });
});

describe("staff subscriber list", () => {
  const listPath = "/staff/newsletter/subscribers";
  let staff: string;
  beforeAll(async () => {
    staff = storedSessionCookie("newsletter-staff@coop.example", "staff");
  });

  it("lists subscribers with status and dates, audited as a view of personal data, with the chart", async () => {
    const email = unique("listed");
    await confirmedSubscriber(email);
    const auditsBefore = withPortalDb((sqlite) => sqlite.prepare("select count(*) from audit_log where action = 'newsletter_subscriber.view'").pluck().get() as number);
    const response = await get(`${listPath}?status=confirmed`, staff);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(email);
    expect(html).toMatch(/<figure[^>]*>.*<figcaption[^>]*>Confirmed subscribers, last 12 months<\/figcaption>.*<svg[^>]*role="img"[^>]*aria-label="Confirmed subscribers by month/s);
    expect(html).toContain("ada@coop.example");
    expect(html).not.toContain("kim@coop.example");
    expect(withPortalDb((sqlite) => sqlite.prepare("select actor_email from audit_log where action = 'newsletter_subscriber.view' order by id desc").pluck().get())).toBe("newsletter-staff@coop.example");
    expect(withPortalDb((sqlite) => sqlite.prepare("select count(*) from audit_log where action = 'newsletter_subscriber.view'").pluck().get())).toBe(auditsBefore + 1);
  });

  it("refuses the page, the manual unsubscribe and the export to members and anonymous callers, changing nothing", async () => {
    const email = unique("protected");
    await confirmedSubscriber(email);
    const id = subscriber(email)!.id;
    const form = await scrapeForm(listPath, staff, hasField("subscriberId", String(id)));
    const member = storedSessionCookie(unique("nosy"), "member");
    const before = subscriberRows();

    expect((await get(listPath, member)).status).toBe(403);
    expect(await callAction(listPath, form, member)).toMatchObject({ ok: false, message: "This is for co-op staff." });
    await expect(callAction(listPath, form)).rejects.toThrow(`answered 307: /login?callbackUrl=${encodeURIComponent(listPath)}`);
    expect(await callAction(listPath, form, forgedSessionCookie)).toMatchObject({ ok: false, message: "Please sign in first." });
    expect((await get(`${listPath}/export.csv`, member)).status).toBe(403);
    expect((await get(`${listPath}/export.csv`, forgedSessionCookie)).status).toBe(401);
    expect(subscriberRows()).toEqual(before);

    expect(await callAction(listPath, form, staff)).toMatchObject({ ok: true, data: { alreadyUnsubscribed: false } });
    expect(subscriber(email)!.status).toBe("unsubscribed");
    expect(
      withPortalDb((sqlite) =>
        sqlite.prepare("select actor_email from audit_log where action = 'newsletter_subscriber.unsubscribe' and subject_id = ?").pluck().get(String(id)),
      ),
    ).toBe("newsletter-staff@coop.example");
  });

  it("exports the confirmed subscribers as CSV with formulas neutralised, audited with the count", async () => {
    const email = unique("formula");
    await confirmedSubscriber(email, '=HYPERLINK("http://evil.example","x")');
    const response = await get(`${listPath}/export.csv`, staff);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["email", "first_name", "signed_up_at", "confirmed_at", "confirm_ip"]);
    const mine = rows.find((row) => row[0] === email)!;
    expect(mine[1]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(mine[4]).toBe("127.0.0.1");
    const confirmedCount = withPortalDb((sqlite) => sqlite.prepare("select count(*) from newsletter_subscribers where status = 'confirmed'").pluck().get());
    expect(rows.filter((row) => row.length > 1)).toHaveLength(Number(confirmedCount) + 1);
    expect(
      withPortalDb((sqlite) => sqlite.prepare("select json_extract(detail, '$.rows') from audit_log where action = 'newsletter_subscriber.export' order by id desc").pluck().get()),
    ).toBe(confirmedCount);
  });
});
