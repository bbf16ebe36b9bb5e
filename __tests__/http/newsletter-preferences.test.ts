import { callAction, scrapeForm, type FormFields } from "../helpers/forms";
import { addDeliveryToken, addList, addSubscribers, sendCampaign } from "../helpers/newsletter";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";
import { waitForEmail } from "../helpers/wait-for-email";

jest.setTimeout(120_000);

type Membership = { list_id: number; status: string; chosen_at: number; consent_at: number | null; consent_ip: string | null; consent_source: string; left_at: number | null };

const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const unique = (label: string) => `${label}-${run}@coop.example`;
const staff = storedSessionCookie(unique("prefs-staff"), "staff");
const memberships = (email: string) =>
  withPortalDb(
    (db) => db.prepare("select m.* from newsletter_list_members m join newsletter_subscribers s on s.id = m.subscriber_id where s.email = ? order by m.list_id").all(email) as Membership[],
  );
const byList = (rows: Membership[]) => Object.fromEntries(rows.map((row) => [row.list_id, row.status]));
const subscriberOf = (email: string) => withPortalDb((db) => db.prepare("select * from newsletter_subscribers where email = ?").get(email));
const auditCount = () => withPortalDb((db) => db.prepare("select count(*) from audit_log").pluck().get() as number);

/** The preference form as a browser sends it: the token, and a `list-<id>` field for each box ticked. */
async function preferenceForm(path: string, ticked: number[]): Promise<FormFields> {
  const fields = await scrapeForm(path, "", (form) => (form.textContent ?? "").includes("Save my lists") || (form.textContent ?? "").includes("Subscribe to the lists ticked"));
  for (const name of Object.keys(fields)) if (name.startsWith("list-")) delete fields[name];
  return { ...fields, ...Object.fromEntries(ticked.map((id) => [`list-${id}`, "on"])) };
}

const isTicked = (html: string, listId: number) => new RegExp(`<input[^>]*name="list-${listId}"[^>]*checked`).test(html) || new RegExp(`<input[^>]*checked[^>]*name="list-${listId}"`).test(html);

let sales: number;
let classes: number;
const reader = unique("prefs-reader");
let preferencePath: string;

beforeAll(async () => {
  sales = addList(`prefs-sales-${run}`, `Sales ${run}`, "everyone");
  classes = addList(`prefs-classes-${run}`, `Classes ${run}`, "everyone");
  addSubscribers([reader], "confirmed", undefined, { lists: [`prefs-sales-${run}`] });
  await sendCampaign(staff, [sales], `Weekly sales ${run}`, "Squash at cost.");
  const email = await waitForEmail(reader, (message) => message.subject === `Weekly sales ${run}`);
  const link = /https?:\/\/\S+(\/newsletter\/preferences\?token=[0-9a-f]{64})/.exec(email.text);
  expect(link).not.toBeNull();
  expect(email.html).toContain(link![0].replace(/&/g, "&amp;"));
  preferencePath = link![1]!;
});

it("the preference link in the received email opens the reader's lists, and GET changes nothing", async () => {
  const before = { rows: memberships(reader), subscriber: subscriberOf(reader), audit: auditCount() };
  for (let i = 0; i < 3; i++) {
    const response = await fetch(portalUrl(preferencePath), { redirect: "manual" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const html = await response.text();
    expect(html).toContain(`Sales ${run}`);
    expect(html).toContain(`Classes ${run}`);
    expect(isTicked(html, sales)).toBe(true);
    expect(isTicked(html, classes)).toBe(false);
  }
  expect(await fetch(portalUrl(preferencePath), { method: "HEAD" }).then((response) => response.status)).toBe(200);
  expect({ rows: memberships(reader), subscriber: subscriberOf(reader), audit: auditCount() }).toEqual(before);
});

it("its form moves the reader from one list to another, with a consent row from the preference page", async () => {
  const before = Date.now();
  expect(await callAction(preferencePath, await preferenceForm(preferencePath, [classes]))).toEqual({ ok: true, data: { subscribed: true } });
  const rows = memberships(reader);
  expect(byList(rows)).toEqual({ [sales]: "left", [classes]: "subscribed" });
  expect(rows.find((row) => row.list_id === sales)!.left_at).toBeGreaterThanOrEqual(before - 1000);
  expect(rows.find((row) => row.list_id === classes)).toMatchObject({ consent_source: "preferences", consent_ip: "127.0.0.1", left_at: null });
  expect(rows.find((row) => row.list_id === classes)!.consent_at).toBeGreaterThanOrEqual(before - 1000);
  expect(withPortalDb((db) => db.prepare("select detail from audit_log where action = 'newsletter_subscriber.lists' and subject_id = (select id from newsletter_subscribers where email = ?)").pluck().all(reader))).toEqual([
    JSON.stringify({ via: "preferences", joined: [classes], left: [sales], cancelledEmails: 0 }),
  ]);
  const html = await (await fetch(portalUrl(preferencePath))).text();
  expect([isTicked(html, sales), isTicked(html, classes)]).toEqual([false, true]);
});

it("“Leave all” unsubscribes; ticking a list again from the same email subscribes the address again", async () => {
  const leave = await scrapeForm(preferencePath, "", (form) => (form.textContent ?? "").includes("Leave all"));
  expect(await callAction(preferencePath, leave)).toMatchObject({ ok: true });
  expect(subscriberOf(reader)).toMatchObject({ status: "unsubscribed" });
  expect(new Set(memberships(reader).map((row) => row.status))).toEqual(new Set(["left"]));
  expect(await (await fetch(portalUrl(preferencePath))).text()).toContain("This address gets no newsletter emails now");

  expect(await callAction(preferencePath, await preferenceForm(preferencePath, [sales]))).toEqual({ ok: true, data: { subscribed: true } });
  expect(subscriberOf(reader)).toMatchObject({ status: "confirmed", confirm_ip: "127.0.0.1" });
  expect(byList(memberships(reader))).toEqual({ [sales]: "subscribed", [classes]: "left" });
});

it("an email older than the join window can take the reader off a list but not add one", async () => {
  const old = unique("prefs-old");
  addSubscribers([old], "confirmed", undefined, { lists: [`prefs-sales-${run}`, `prefs-classes-${run}`] });
  const path = `/newsletter/preferences?token=${addDeliveryToken(old, { sentDaysAgo: 91 })}`;
  expect(await (await fetch(portalUrl(path))).text()).toContain("more than 90 days old");

  expect(await callAction(path, await preferenceForm(path, [sales]))).toEqual({ ok: true, data: { subscribed: true } });
  expect(byList(memberships(old))).toEqual({ [sales]: "subscribed", [classes]: "left" });

  const rows = memberships(old);
  expect(await callAction(path, await preferenceForm(path, [sales, classes]))).toMatchObject({ ok: false, fieldErrors: { lists: [expect.stringContaining("more than 90 days old")] } });
  expect(memberships(old)).toEqual(rows);
});

it("a token that is not an email's opens no one's lists, and its buttons change nothing", async () => {
  const other = unique("prefs-other");
  addSubscribers([other], "confirmed", undefined, { lists: [`prefs-sales-${run}`] });
  const real = `/newsletter/preferences?token=${addDeliveryToken(other)}`;
  const [save, leave] = [await preferenceForm(real, [classes]), await scrapeForm(real, "", (form) => (form.textContent ?? "").includes("Leave all"))];
  const rows = memberships(other);
  for (const token of ["", "0".repeat(64), "not-a-token"]) {
    const html = await (await fetch(portalUrl(`/newsletter/preferences?token=${token}`))).text();
    expect(html).toContain("This link does not work");
    expect(html).not.toContain(`Sales ${run}`);
    for (const fields of [save, leave]) expect(await callAction(real, { ...fields, token })).toMatchObject({ ok: false, message: expect.stringContaining("does not work") });
  }
  expect(memberships(other)).toEqual(rows);
});
