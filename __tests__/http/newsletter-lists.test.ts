import { callAction, hasField, scrapeForm, type FormFields } from "../helpers/forms";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";
import { waitForEmails } from "../helpers/wait-for-email";

jest.setTimeout(120_000);

type Membership = { list_id: number; status: string; consent_at: number | null; consent_ip: string | null; consent_source: string; left_at: number | null };

const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const unique = (label: string) => `${label}-${run}@coop.example`;
const get = (path: string, cookie?: string) => fetch(portalUrl(path), { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
const listIdBySlug = (slug: string) => withPortalDb((sqlite) => sqlite.prepare("select id from newsletter_lists where slug = ?").pluck().get(slug) as number);
const listIdByName = (name: string) => withPortalDb((sqlite) => sqlite.prepare("select id from newsletter_lists where name = ?").pluck().get(name) as number);
const memberships = (email: string) =>
  withPortalDb(
    (sqlite) =>
      sqlite
        .prepare("select m.* from newsletter_list_members m join newsletter_subscribers s on s.id = m.subscriber_id where s.email = ? order by m.list_id")
        .all(email) as Membership[],
  );
const byList = (rows: Membership[]) => Object.fromEntries(rows.map((row) => [row.list_id, row.status]));

const staff = storedSessionCookie(unique("lists-staff"), "staff");
const listsPage = "/staff/newsletter/lists";

/** The /newsletter signup form with exactly `lists` ticked (a scraped form carries every box; a browser sends only the ticked ones). */
async function newsletterForm(email: string, lists: number[]): Promise<FormFields> {
  const fields = await scrapeForm("/newsletter", "", hasField("lists", "chosen"));
  for (const name of Object.keys(fields)) if (name.startsWith("list-")) delete fields[name];
  return { ...fields, email, firstName: "", ...Object.fromEntries(lists.map((id) => [`list-${id}`, "on"])) };
}

/** The raw bytes the signup action answers with, as the page's script sends it. */
async function answerBytes(fields: FormFields) {
  const reference = Object.entries(fields).find(([name]) => /^\$ACTION_\d+:0$/.test(name))!;
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) if (!name.startsWith("$ACTION")) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([null, "$K1"]));
  const response = await fetch(portalUrl("/newsletter"), {
    method: "POST",
    body,
    headers: { "Next-Action": (JSON.parse(String(reference[1])) as { id: string }).id, Accept: "text/x-component", Origin: new URL(portalUrl()).origin },
  });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer()).toString("utf8");
}

async function confirmFromEmail(email: string, count = 1) {
  const emails = await waitForEmails(email, count);
  const match = /https?:\/\/\S+(\/newsletter\/confirm\?token=[0-9a-f]{64})/.exec(emails[count - 1]!.text);
  if (!match) throw new Error("No confirmation link in the email");
  const page = await (await get(match[1]!)).text();
  return { page, answer: await callAction(match[1]!, await scrapeForm(match[1]!, "", hasField("token"))) };
}

it("a list staff add appears on /newsletter at the next request; an owners-only one never does", async () => {
  const name = `Bulk buying ${run}`;
  const ownersName = `Board letters ${run}`;
  // Scraped, the form carries every box; left unticked, "joinByDefault" is not sent.
  const { joinByDefault: _unticked, ...form } = await scrapeForm(listsPage, staff, (each) => (each.textContent ?? "").includes("Add the list"));
  expect(await (await get("/newsletter")).text()).not.toContain(name);
  for (const [listName, audience] of [
    [name, "everyone"],
    [ownersName, "owners"],
  ] as const) {
    expect(await callAction(listsPage, { ...form, name: listName, description: "Cases at cost.", audience, position: "9" }, staff)).toMatchObject({ ok: true });
  }
  const page = await (await get("/newsletter")).text();
  expect(page).toContain(name);
  expect(page).toContain("Cases at cost.");
  expect(page).not.toContain(ownersName);
  expect(await (await get(listsPage, staff)).text()).toContain(name);
  expect(withPortalDb((sqlite) => sqlite.prepare("select count(*) from audit_log where action = 'newsletter_list.create' and actor_email = ?").pluck().get(unique("lists-staff")))).toBe(2);
});

it("two lists chosen on /newsletter and confirmed from the received email are two subscriptions with their consent; the answer is the same for a known address", async () => {
  const email = unique("chooser");
  const [news, other] = [listIdBySlug("news"), listIdByName(`Bulk buying ${run}`)];
  const first = await answerBytes(await newsletterForm(email, [news, other]));
  expect(byList(memberships(email))).toEqual({ [news]: "pending", [other]: "pending" });

  const before = Date.now();
  const { page, answer } = await confirmFromEmail(email);
  expect(page).toContain("Co-op news");
  expect(page).toContain(`Bulk buying ${run}`);
  expect(answer).toMatchObject({ ok: true });
  const rows = memberships(email);
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    expect(row).toMatchObject({ status: "subscribed", consent_ip: "127.0.0.1", consent_source: "form", left_at: null });
    expect(row.consent_at).toBeGreaterThanOrEqual(before - 1000);
  }

  // The address is now confirmed: the same form, with other lists, answers the same bytes and changes nothing.
  const again = await answerBytes(await newsletterForm(email, [other]));
  const stranger = await answerBytes(await newsletterForm(unique("stranger"), [news, other]));
  expect(new Set([first, again, stranger]).size).toBe(1);
  expect(memberships(email)).toEqual(rows);
  expect(await waitForEmails(email, 1)).toHaveLength(1);
});

it("/account shows the lists ticked as they stand and saves a change at once, with consent from the account", async () => {
  const email = unique("account");
  const cookie = storedSessionCookie(email, "member");
  const save = (ticked: number[]) =>
    scrapeForm("/account", cookie, hasField("list-" + listIdBySlug("news"))).then((fields) => {
      for (const name of Object.keys(fields)) if (name.startsWith("list-")) delete fields[name];
      return callAction("/account", { ...fields, ...Object.fromEntries(ticked.map((id) => [`list-${id}`, "on"])) }, cookie);
    });
  const [news, other] = [listIdBySlug("news"), listIdByName(`Bulk buying ${run}`)];
  const ownersOnly = listIdByName(`Board letters ${run}`);
  expect(await (await get("/account", cookie)).text()).not.toContain(`Board letters ${run}`);

  expect(await save([news, other, ownersOnly])).toMatchObject({ ok: true, data: { subscribed: true } });
  expect(byList(memberships(email))).toEqual({ [news]: "subscribed", [other]: "subscribed" });
  expect(memberships(email)[0]).toMatchObject({ consent_source: "account", consent_ip: "127.0.0.1" });

  expect(await save([other])).toMatchObject({ ok: true });
  expect(byList(memberships(email))).toEqual({ [news]: "left", [other]: "subscribed" });
  const html = await (await get("/account", cookie)).text();
  expect(html).toMatch(new RegExp(`name="list-${other}"[^>]*checked`));
  expect(html).not.toMatch(new RegExp(`name="list-${news}"[^>]*checked`));

  const leave = await scrapeForm("/account", cookie, (form) => form.querySelector("button")?.textContent?.trim() === "Leave all");
  expect(await callAction("/account", leave, cookie)).toMatchObject({ ok: true });
  expect(byList(memberships(email))).toEqual({ [news]: "left", [other]: "left" });
});
