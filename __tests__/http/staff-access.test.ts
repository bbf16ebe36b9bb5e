import { signIn } from "../helpers/auth";
import { callAction, forgedSessionCookie, hasField, scrapeForm, submitForm } from "../helpers/forms";
import { fetchPage, text } from "../helpers/html";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(90_000);

let member: string;
let staff: string;
let admin: string;

beforeAll(async () => {
  member = storedSessionCookie("matrix-member@coop.example", "member");
  staff = storedSessionCookie("matrix-staff@coop.example", "staff");
  admin = storedSessionCookie("matrix-admin@coop.example", "admin");
});

const statusOf = async (path: string, cookie?: string) =>
  (await fetch(portalUrl(path), { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} })).status;

// Who may open which page, call which action and download which file is the table of
// __tests__/http/access-matrix.test.ts; what follows is what staff see and do once let in.
describe("staff pages", () => {
  it.each([
    "/staff/owners?page=99999999999999999999",
    "/staff/owners/applications?page=1e9",
    "/staff/newsletter/subscribers?page=-1",
    "/staff/audit?page=99999999999999999999",
    "/staff/audit?action=a&action=b&subject=c&subject=d&actor=e&actor=f",
  ])("%s: odd or repeated query values show a page, never a server error", async (path) => {
    expect(await statusOf(path, admin)).toBe(200);
  });

  it("/account shows the signed-in person their role", async () => {
    const response = await fetch(portalUrl("/account"), { headers: { Cookie: member } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/matrix-member@coop\.example[\s\S]*Member/);
  });
});

const pageRow = (slug: string) =>
  withPortalDb((db) => db.prepare("select title, markdown from pages where slug = ?").get(slug)) as { title: string; markdown: string };
const settingsRow = () => withPortalDb((db) => db.prepare("select value from settings where key = 'site'").get()) as { value: string };
const roleOf = (email: string) =>
  (withPortalDb((db) => db.prepare("select role from users where email = ?").get(email)) as { role: string }).role;
const userIdOf = (email: string) =>
  (withPortalDb((db) => db.prepare("select id from users where email = ?").get(email)) as { id: string }).id;

const refusal = { signIn: "Please sign in first.", staffOnly: "This is for co-op staff.", adminsOnly: "This is for co-op admins." };

/**
 * Calls a staff (or admin) action as a visitor whose session cookie matches no session,
 * as a member, and for admin actions as staff: each call gets the action's own refusal,
 * before any field is looked at.
 */
async function expectRefused(path: string, fields: Record<string, string>, access: "staff" | "admin") {
  const callers: [string, string, string][] = [
    ["no session", forgedSessionCookie, refusal.signIn],
    ["member", member, access === "admin" ? refusal.adminsOnly : refusal.staffOnly],
    ...(access === "admin" ? ([["staff", staff, refusal.adminsOnly]] as [string, string, string][]) : []),
  ];
  for (const [caller, cookie, message] of callers) {
    const answer = await callAction(path, fields, cookie);
    expect({ caller, answer }).toEqual({ caller, answer: expect.objectContaining({ ok: false, message }) });
    expect(answer).not.toHaveProperty("fieldErrors");
  }
}

describe("staff server actions, called directly", () => {
  it("saving a page: refused for anonymous visitors and members (nothing changes); staff save it and the public page shows it", async () => {
    const form = await scrapeForm("/staff/pages/about/board", admin, hasField("slug", "about/board"));
    const before = pageRow("about/board");
    await fetchPage("/about/board"); // now in the page cache, which the save must replace
    const edit = { ...form, title: "Board (tampered)", markdown: "Tampered text." };

    await expectRefused("/staff/pages/about/board", edit, "staff");
    expect(pageRow("about/board")).toEqual(before);

    const saved = { ...form, title: "Our board of directors", markdown: `${before.markdown}\n\nMeetings are open to owners: matrix-check.` };
    await submitForm("/staff/pages/about/board", saved, staff);
    expect(pageRow("about/board").markdown).toContain("matrix-check");
    const { document } = await fetchPage("/about/board");
    expect(text(document.querySelector("main article"))).toContain("matrix-check");
    const audit = withPortalDb((db) =>
      db.prepare("select actor_email from audit_log where action = 'page.update' and subject_id = 'about/board'").all(),
    );
    expect(audit).toContainEqual({ actor_email: "matrix-staff@coop.example" });
  });

  it("saving settings: refused for anonymous visitors, members and staff; admins change what every page shows", async () => {
    const form = await scrapeForm("/staff/settings", admin, hasField("coopName"));
    const before = settingsRow();
    await fetchPage("/"); // now in the page cache, which the save must replace
    const edit = { ...form, phone: "585-555-0177" };
    await expectRefused("/staff/settings", edit, "admin");
    expect(settingsRow()).toEqual(before);
    await submitForm("/staff/settings", edit, admin);
    expect(JSON.parse(settingsRow().value).phone).toBe("585-555-0177");
    const { document } = await fetchPage("/");
    expect(text(document.querySelector("footer"))).toContain("585-555-0177");
    await submitForm("/staff/settings", form, admin);
  });

  it("rejects invalid settings field by field and stores nothing", async () => {
    const form = await scrapeForm("/staff/settings", admin, hasField("coopName"));
    const before = settingsRow();
    const answer = await callAction("/staff/settings", { ...form, email: "not-an-email", coopName: "" }, admin);
    expect(answer).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)], coopName: [expect.any(String)] } });
    expect(answer).toHaveProperty("values.email", "not-an-email");
    expect(settingsRow()).toEqual(before);
  });

  it("changing a role: refused for anonymous visitors, members and staff; admins can", async () => {
    const target = "matrix-target@coop.example";
    storedSessionCookie(target, "member");
    const targetId = userIdOf(target);
    const form = await scrapeForm("/staff/people", admin, hasField("userId", targetId));
    await expectRefused("/staff/people", { ...form, role: "admin" }, "admin");
    expect(roleOf(target)).toBe("member");
    await submitForm("/staff/people", { ...form, role: "staff" }, admin);
    expect(roleOf(target)).toBe("staff");
  });

  it("retrying a failed email: refused for anonymous visitors, members and staff; admins queue it again", async () => {
    const id = withPortalDb(
      (db) =>
        db
          .prepare(
            "insert into email_outbox (message_id, \"to\", subject, text, html, headers, status, attempts, next_try_at, created_at) values (?, 'bounced@example.invalid', 'Failed', 't', 'h', '{}', 'failed', 8, ?, ?) returning id",
          )
          .get(`<matrix-${Date.now()}@test>`, Date.now(), Date.now()) as { id: number },
    ).id;
    const statusOf = () => (withPortalDb((db) => db.prepare("select status from email_outbox where id = ?").get(id)) as { status: string }).status;
    const form = await scrapeForm("/staff/outbox?status=failed", admin, hasField("id", String(id)));
    await expectRefused("/staff/outbox", form, "admin");
    expect(statusOf()).toBe("failed");
    await submitForm("/staff/outbox", form, admin);
    expect(statusOf()).not.toBe("failed");
  });
});

describe("signing out", () => {
  it("everywhere ends every session of that person, and only theirs", async () => {
    const email = "signout-everywhere@coop.example";
    const phone = storedSessionCookie(email, "member");
    const laptop = storedSessionCookie(email);
    const form = await scrapeForm("/account", phone, (f) => f.textContent?.includes("Sign out everywhere") ?? false);
    await submitForm("/account", form, phone);
    expect(await statusOf("/account", phone)).toBe(307);
    expect(await statusOf("/account", laptop)).toBe(307);
    expect(await statusOf("/account", member)).toBe(200);
  });
});

describe("personal data in the outbox", () => {
  const viewsBy = (email: string) =>
    withPortalDb((db) => db.prepare("select action, subject_id from audit_log where actor_email = ? and action like '%.view' order by id").all(email)) as {
      action: string;
      subject_id: string;
    }[];

  it("opening the outbox and a message is audited; a sign-in link inside is hidden; staff are refused and leave no entry", async () => {
    const viewer = "outbox-viewer@coop.example";
    const cookie = await signIn(viewer, "admin");
    const { id } = withPortalDb((db) => db.prepare('select id from email_outbox where "to" = ? order by id desc').get(viewer)) as { id: number };

    expect(await statusOf(`/staff/outbox/${id}`, staff)).toBe(403);
    expect(await statusOf("/staff/outbox", staff)).toBe(403);
    expect(viewsBy("matrix-staff@coop.example")).toEqual([]);

    expect(await statusOf("/staff/outbox?status=sent", cookie)).toBe(200);
    const message = await fetch(portalUrl(`/staff/outbox/${id}`), { headers: { Cookie: cookie } });
    expect(message.status).toBe(200);
    const html = await message.text();
    expect(html).toContain(viewer);
    expect(html).toContain("personal link hidden");
    expect(html).not.toMatch(/token=[0-9a-f]{64}/);
    expect(viewsBy(viewer)).toEqual([
      { action: "outbox.view", subject_id: "sent" },
      { action: "email.view", subject_id: String(id) },
    ]);
  });
});
