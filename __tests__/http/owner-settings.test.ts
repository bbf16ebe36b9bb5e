import { callAction, hasField, scrapeForm } from "../helpers/forms";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(90_000);

const staffEmail = "owner-settings-staff@coop.example";
const adminEmail = "owner-settings-admin@coop.example";

let member: string;
let staff: string;
let admin: string;

beforeAll(async () => {
  member = storedSessionCookie("owner-settings-member@coop.example", "member");
  staff = storedSessionCookie(staffEmail, "staff");
  admin = storedSessionCookie(adminEmail, "admin");
});

const plansRow = () =>
  withPortalDb((db) => db.prepare("select value, updated_by from settings where key = 'equity-plans'").get()) as { value: string; updated_by: string } | undefined;
const nextOwnerNumber = () => (withPortalDb((db) => db.prepare("select next from owner_number_sequence where id = 1").get()) as { next: number }).next;
const highestOwnerNumber = () => (withPortalDb((db) => db.prepare("select coalesce(max(owner_number), 0) as highest from owners").get()) as { highest: number }).highest;
const auditOf = (action: string) =>
  (withPortalDb((db) => db.prepare("select actor_email, detail from audit_log where action = ? order by id").all(action)) as { actor_email: string; detail: string }[]).map(
    (entry) => ({ actor: entry.actor_email, detail: JSON.parse(entry.detail) as unknown }),
  );

const plansForm = () => scrapeForm("/staff/settings", admin, hasField("plans.0.id"));
const ownerNumberForm = () => scrapeForm("/staff/settings", admin, hasField("nextOwnerNumber"));

describe("equity plans in Settings", () => {
  let original: Record<string, string>;
  beforeAll(async () => {
    original = await plansForm();
  });
  afterAll(async () => {
    await callAction("/staff/settings", original, admin);
  });

  it("the form lists every plan offered, a spare row, and what each plan's schedule means", async () => {
    const html = await (await fetch(portalUrl("/staff/settings"), { headers: { Cookie: admin } })).text();
    expect(original).toMatchObject({ "plans.0.id": "full", "plans.0.total": "100.00", "plans.1.id": "monthly", "plans.1.installment": "15.00", "plans.2.id": "" });
    expect(html).toContain("$25.00 at joining, then 5 payments of $15.00 every month: $100.00 in all");
  });

  it.each([
    ["a member", () => member],
    ["a staff member who is not an admin", () => staff],
  ])("%s is refused and changes nothing", async (_caller, cookie) => {
    const before = { plans: plansRow(), audit: auditOf("settings.equity_plans") };
    const answer = await callAction("/staff/settings", { ...original, "plans.1.installment": "5.00" }, cookie());
    expect(answer).toEqual(expect.objectContaining({ ok: false, message: "This is for co-op admins." }));
    expect(answer).not.toHaveProperty("fieldErrors");
    expect({ plans: plansRow(), audit: auditOf("settings.equity_plans") }).toEqual(before);
  });

  it("refuses a bad amount at the field it was typed in, keeps what was typed and stores nothing", async () => {
    const before = plansRow();
    const answer = await callAction("/staff/settings", { ...original, "plans.1.total": "12.345" }, admin);
    expect(answer).toMatchObject({ ok: false, fieldErrors: { "plans.1.total": ["Use dollars and cents, e.g. 25.00"] }, values: { "plans.1.total": "12.345" } });
    expect(plansRow()).toEqual(before);
  });

  it("an admin adds a plan in the spare row: stored in cents, by that admin, and audited", async () => {
    const edit = {
      ...original,
      "plans.2.id": "quarterly",
      "plans.2.name": "$10 now, then $22.50 a quarter",
      "plans.2.total": "100",
      "plans.2.firstPayment": "10",
      "plans.2.installment": "22.50",
      "plans.2.intervalMonths": "3",
    };
    const answer = await callAction("/staff/settings", edit, admin);
    expect(answer).toMatchObject({ ok: true });
    const stored = plansRow()!;
    const adminId = (withPortalDb((db) => db.prepare("select id from users where email = ?").get(adminEmail)) as { id: string }).id;
    expect(stored.updated_by).toBe(adminId);
    expect(JSON.parse(stored.value)).toEqual([
      expect.objectContaining({ id: "full", totalCents: 10000, firstPaymentCents: 10000 }),
      expect.objectContaining({ id: "monthly", totalCents: 10000, firstPaymentCents: 2500, installmentCents: 1500, intervalMonths: 1 }),
      { id: "quarterly", name: "$10 now, then $22.50 a quarter", totalCents: 10000, firstPaymentCents: 1000, installmentCents: 2250, intervalMonths: 3 },
    ]);
    expect(auditOf("settings.equity_plans").at(-1)).toEqual({
      actor: adminEmail,
      detail: { from: expect.any(Array), to: JSON.parse(stored.value) },
    });
  });
});

describe("the next owner number in Settings", () => {
  const fixtureEmail = "owner-number-fixture@coop.example";
  let startingNext: number;
  let highest: number;
  let moved: number | undefined;

  beforeAll(() => {
    startingNext = nextOwnerNumber();
    // The number just below the next is given, as an approval would have given it.
    if (highestOwnerNumber() < startingNext - 1) {
      withPortalDb((db) => {
        const { id } = db
          .prepare("insert into users (id, email, role, created_at) values (?, ?, 'member', ?) on conflict(email) do update set role = role returning id")
          .get(crypto.randomUUID(), fixtureEmail, Date.now()) as { id: string };
        db.prepare("insert into owners (owner_number, user_id, name, plan_id, joined_on, created_at) values (?, ?, 'Owner-number fixture', 'full', '2026-11-27', ?)").run(
          startingNext - 1,
          id,
          Date.now(),
        );
      });
    }
    highest = highestOwnerNumber();
  });

  afterAll(() => {
    withPortalDb((db) => {
      db.prepare("delete from owners where user_id = (select id from users where email = ?)").run(fixtureEmail);
      // Back to where it was, unless an approval elsewhere has taken a number since.
      if (moved !== undefined) db.prepare("update owner_number_sequence set next = ? where id = 1 and next = ?").run(startingNext, moved);
    });
  });

  it.each([
    ["a member", () => member],
    ["a staff member who is not an admin", () => staff],
  ])("%s is refused and changes nothing", async (_caller, cookie) => {
    const form = await ownerNumberForm();
    const before = auditOf("owners.next_number");
    const answer = await callAction("/staff/settings", { ...form, nextOwnerNumber: String(startingNext + 50) }, cookie());
    expect(answer).toEqual(expect.objectContaining({ ok: false, message: "This is for co-op admins." }));
    expect(answer).not.toHaveProperty("fieldErrors");
    expect(nextOwnerNumber()).toBe(startingNext);
    expect(auditOf("owners.next_number")).toEqual(before);
  });

  it.each([
    ["at the highest given", 0],
    ["below the highest given", -1],
  ])("a number %s is refused at the field, in words, and nothing changes", async (_, offset) => {
    const form = await ownerNumberForm();
    expect(form.nextOwnerNumber).toBe(String(startingNext));
    const before = auditOf("owners.next_number");
    const taken = highest + offset;
    const answer = await callAction("/staff/settings", { ...form, nextOwnerNumber: String(taken) }, admin);
    expect(answer).toMatchObject({
      ok: false,
      fieldErrors: { nextOwnerNumber: [`Owner number ${taken} is not above the highest already given, ${highest}. Choose ${highest + 1} or higher.`] },
      values: { nextOwnerNumber: String(taken) },
    });
    expect(nextOwnerNumber()).toBe(startingNext);
    expect(auditOf("owners.next_number")).toEqual(before);
  });

  it("a number above the highest is stored and audited with where it moved from and to", async () => {
    const form = await ownerNumberForm();
    const target = startingNext + 1;
    const answer = await callAction("/staff/settings", { ...form, nextOwnerNumber: String(target) }, admin);
    expect(answer).toMatchObject({ ok: true });
    moved = target;
    expect(nextOwnerNumber()).toBe(target);
    expect(auditOf("owners.next_number").at(-1)).toEqual({ actor: adminEmail, detail: { from: startingNext, to: target } });
    expect((await ownerNumberForm()).nextOwnerNumber).toBe(String(target));
  });
});
