import { JSDOM } from "jsdom";
import { callAction, forgedSessionCookie, hasField, scrapeForm } from "../helpers/forms";
import { text } from "../helpers/html";
import {
  applicationFields,
  applicationIdOf,
  parseCsv,
  readPortalDb,
  scalar,
  submitApplication,
} from "../helpers/owners";
import { pdfShownText } from "../helpers/pdf";
import { portalUrl } from "../helpers/portal";
import { waitForEmail } from "../helpers/wait-for-email";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(120_000);

const staffEmail = "owners-staff@coop.example";
let staff: string;
beforeAll(async () => {
  staff = storedSessionCookie(staffEmail, "staff");
});

const thanks = { redirect: "/owners/apply/thanks" };
const detailPath = (applicationId: number) => `/staff/owners/applications/${applicationId}`;

/** Sends an application and answers with its id. */
async function apply(email: string, overrides: Record<string, string> = {}) {
  expect(await submitApplication(applicationFields(email, overrides))).toEqual(thanks);
  return applicationIdOf(email)!;
}

/** Presses "Approve" on the application's page as staff, with what they typed in `extra`. */
async function approve(applicationId: number, extra: Record<string, string> = {}) {
  const form = await scrapeForm(detailPath(applicationId), staff, hasField("joinedOn"));
  return callAction(detailPath(applicationId), { ...form, ...extra }, staff);
}

const approvedOwner = (answer: unknown) => (answer as { data: { ownerId: number; ownerNumber: number } }).data;

const get = (path: string, cookie?: string) => fetch(portalUrl(path), { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
const pageText = async (path: string, cookie: string) => text(new JSDOM(await (await get(path, cookie)).text()).window.document.querySelector("main"));

describe("deciding an application", () => {
  it("approval gives the next owner number, records the first payment and emails the number; approving again is refused", async () => {
    const email = "decide-approve@coop.example";
    const id = await apply(email, { "applicant.name": "Quentin Approved" });
    const form = await scrapeForm(detailPath(id), staff, hasField("joinedOn"));
    const answer = await callAction(detailPath(id), { ...form, firstPayment: "25.00", method: "cash" }, staff);
    expect(answer).toMatchObject({ ok: true, data: { ownerNumber: expect.any(Number) } });
    const { ownerId, ownerNumber } = approvedOwner(answer);
    expect(scalar("select owner_number from owners where application_id = ?", [id])).toBe(ownerNumber);
    expect(scalar("select sum(amount_cents) from equity_payments where owner_id = ?", [ownerId])).toBe(2500);
    expect(scalar("select actor_email from audit_log where action = 'owner_application.approve' and subject_id = ?", [String(id)])).toBe(staffEmail);

    const welcome = await waitForEmail(email, (mail) => mail.subject === `Welcome, owner no. ${ownerNumber}`);
    expect(welcome.text).toContain(`Your owner number is ${ownerNumber}`);
    expect(welcome.text).toContain("$25.00 of equity paid");

    // A second press (another tab, a colleague) on the page as it was.
    const again = await callAction(detailPath(id), { ...form, firstPayment: "25.00", method: "cash" }, staff);
    expect(again).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/already decided/) });
    expect(scalar("select count(*) from owners where application_id = ?", [id])).toBe(1);
    expect(scalar("select count(*) from equity_payments where owner_id = ?", [ownerId])).toBe(1);
  });

  it("declining emails the reason, and the applicant's account shows it", async () => {
    const email = "decide-decline@coop.example";
    const reason = "We could not confirm the address given. Please bring proof of address to the store.";
    const id = await apply(email, { "applicant.name": "Delia Declined" });
    const form = await scrapeForm(detailPath(id), staff, hasField("reason"));
    expect(await callAction(detailPath(id), { ...form, reason }, staff)).toMatchObject({ ok: true, message: expect.stringMatching(/^Declined/) });
    expect(readPortalDb((db) => db.prepare("select status, decline_reason from owner_applications where id = ?").get(id))).toEqual({
      status: "declined",
      decline_reason: reason,
    });

    const mail = await waitForEmail(email, (message) => message.subject === "About your owner application");
    expect(mail.text).toContain(reason);
    const account = await pageText("/account", storedSessionCookie(email));
    expect(account).toContain(reason);
    expect(account).toContain("Apply again");
  });
});

describe("the paper-form PDF", () => {
  it("opening an application and downloading its PDF are each audited; the PDF is an attachment that shows the applicant", async () => {
    const id = await apply("paper-form@coop.example", { "applicant.name": "Odessa Paperform", "household.0.name": "Otto Paperform" });
    const audited = (action: string) =>
      readPortalDb((db) => db.prepare("select actor_email from audit_log where action = ? and subject_id = ?").pluck().all(action, String(id)));

    expect(await pageText(detailPath(id), staff)).toContain("Application from Odessa Paperform");
    expect(audited("owner_application.view")).toEqual([staffEmail]);

    const response = await get(`${detailPath(id)}/pdf`, staff);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="owner-application-${id}.pdf"`);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const shown = await pdfShownText(new Uint8Array(await response.arrayBuffer()));
    expect(shown.some((line) => line.includes("Odessa Paperform"))).toBe(true);
    expect(shown.some((line) => line.includes("Otto Paperform"))).toBe(true);
    expect(audited("owner_application.pdf")).toEqual([staffEmail]);
  });
});

describe("the owners CSV export", () => {
  it("neutralises names a spreadsheet would run as formulas, and is audited with its row count", async () => {
    const names = ['=HYPERLINK("http://evil.example","Click me")', "+1 Plus Formula", "-2+3 Minus Formula", "@SUM(A1:A2) At Formula"];
    for (const [index, name] of names.entries()) {
      const id = await apply(`csv-${index}@coop.example`, { "applicant.name": name, "agreement.signature": name });
      expect(await approve(id)).toMatchObject({ ok: true });
    }

    const response = await get("/staff/owners/export.csv", staff);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="owners-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = parseCsv(await response.text());
    const nameOf = (email: string) => rows.find((row) => row[header!.indexOf("email")] === email)?.[header!.indexOf("name")];
    names.forEach((name, index) => expect(nameOf(`csv-${index}@coop.example`)).toBe(`'${name}`));
    expect(nameOf("owner@coop.example")).toBe("Demo Owner");

    const audit = readPortalDb((db) =>
      db.prepare("select actor_email as actor, json_extract(detail, '$.rows') as rows from audit_log where action = 'owner.export' order by id desc").get(),
    );
    expect(audit).toEqual({ actor: staffEmail, rows: rows.length });
  });
});

describe("finding an owner", () => {
  it("staff find by number, email or name through a POST, so nothing typed lands in a URL; a member is refused", async () => {
    const html = await (await get("/staff/owners", staff)).text();
    const search = new JSDOM(html).window.document.querySelector('form[role="search"]')!;
    expect(search.getAttribute("method")).not.toBe("get");
    expect(html).not.toMatch(/[?&]q=/);
    const form = await scrapeForm("/staff/owners", staff, hasField("q"));
    const find = (q: string, cookie = staff) => callAction("/staff/owners", { ...form, q }, cookie);
    const numbersFound = async (q: string) => {
      const answer = await find(q);
      expect(answer).toMatchObject({ ok: true, data: { query: q } });
      return (answer as { data: { rows: { ownerNumber: number; email: string }[] } }).data.rows.map((row) => row.ownerNumber);
    };

    expect(await numbersFound("1001")).toEqual([1001]);
    expect(await numbersFound("OWNER@coop.example")).toEqual([1001]);
    expect(await numbersFound("Demo Owner")).toContain(1001);
    expect(await numbersFound("nobody-by-this-name")).toEqual([]);
    expect(await find("  ")).toMatchObject({ ok: false, fieldErrors: { q: ["Required."] } });
    expect(await find("1001", storedSessionCookie("finder-member@coop.example"))).toMatchObject({ ok: false, message: "This is for co-op staff." });

    // Staff views of personal data are logged (rule 7): the list once per page shown, each search with how many it showed, never what was typed.
    const views = readPortalDb((db) =>
      db.prepare("select subject_id as subject, detail from audit_log where action = 'owner.view' and actor_email = ? and subject_id in ('list', 'search') order by id").all(staffEmail),
    ) as { subject: string; detail: string }[];
    expect(views.filter((view) => view.subject === "list").length).toBeGreaterThanOrEqual(2);
    const searches = views.filter((view) => view.subject === "search").map((view) => JSON.parse(view.detail) as unknown);
    expect(searches).toEqual([{ rows: 1 }, { rows: 1 }, { rows: expect.any(Number) }, { rows: 0 }]);
  });
});

describe("one person's application and ownership, kept from another", () => {
  const a = { email: "isolation-a@coop.example", name: "Avery Isolation" };
  const b = { email: "isolation-b@coop.example", name: "Beatrix Bystander", phone: "585-555-0177", home: "isolation-b-home@coop.example" };
  let memberA: string;
  let bApplication: number;
  let bOwner: number;
  let pending: number;

  /** Whether an answer carries anything of B's. */
  const leaksB = (body: string) => [b.name, "Bystander", b.phone, b.email].some((detail) => body.includes(detail));

  beforeAll(async () => {
    await apply(a.email, { "applicant.name": a.name, "agreement.signature": a.name });
    memberA = storedSessionCookie(a.email, "member");
    bApplication = await apply(b.email, {
      "applicant.name": b.name,
      "applicant.phone": b.phone,
      "agreement.signature": b.name,
      "household.0.name": "Bram Bystander",
      "household.0.email": b.home,
    });
    bOwner = approvedOwner(await approve(bApplication)).ownerId;
    pending = await apply("isolation-pending@coop.example", { "applicant.name": "Perry Bystander" });
  });

  it("A's account shows A's own application and nothing of B's", async () => {
    const account = await pageText("/account", memberA);
    expect(account).toContain(a.email);
    expect(account).toMatch(/Your owner application.*Status: submitted/);
    expect(account).not.toContain("Owner no.");
    expect(leaksB(account)).toBe(false);
  });

  it("a member gets 403 and nothing of B's at every staff page, B's records, the PDF and the export", async () => {
    const paths = [
      "/staff",
      "/staff/owners",
      "/staff/owners/applications",
      detailPath(bApplication),
      `${detailPath(bApplication)}/pdf`,
      `/staff/owners/${bOwner}`,
      "/staff/owners/export.csv",
      "/staff/pages",
      "/staff/monographs",
      "/staff/settings",
      "/staff/people",
      "/staff/audit",
      "/staff/outbox",
    ];
    for (const path of paths) {
      const response = await get(path, memberA);
      const body = await response.text();
      expect({ path, status: response.status, attachment: response.headers.get("content-disposition"), leaks: leaksB(body) }).toEqual({
        path,
        status: 403,
        attachment: null,
        leaks: false,
      });
    }
  });

  it("the PDF and the export answer 401 to a session cookie that matches no session, with no data", async () => {
    for (const path of [`${detailPath(bApplication)}/pdf`, "/staff/owners/export.csv"]) {
      const response = await get(path, forgedSessionCookie);
      expect({ path, status: response.status, type: response.headers.get("content-type") }).toEqual({ path, status: 401, type: "application/json" });
      expect(await response.json()).toEqual(expect.objectContaining({ error: "unauthorized" }));
    }
  });

  it("staff actions called with A's session, or with none, are refused and change nothing", async () => {
    const ownerPage = `/staff/owners/${bOwner}`;
    const payment = { ...(await scrapeForm(ownerPage, staff, hasField("amount"))), amount: "75.00" };
    const flower = { ...(await scrapeForm(ownerPage, staff, hasField("verifiedUntil"))), verifiedUntil: "2031-01-31" };
    const calls: [string, string, Record<string, string>][] = [
      ["approve", detailPath(pending), await scrapeForm(detailPath(pending), staff, hasField("joinedOn"))],
      ["decline", detailPath(pending), { ...(await scrapeForm(detailPath(pending), staff, hasField("reason"))), reason: "No." }],
      ["payment", ownerPage, payment],
      ["flower", ownerPage, flower],
    ];
    const state = () => ({
      pending: scalar<string>("select status from owner_applications where id = ?", [pending]),
      owners: scalar("select count(*) from owners"),
      payments: scalar("select count(*) from equity_payments where owner_id = ?", [bOwner]),
      flower: scalar<string | null>("select flower_verified_until from owners where id = ?", [bOwner]),
    });
    const before = state();

    for (const [action, path, fields] of calls) {
      for (const [caller, cookie, message] of [
        ["member A", memberA, "This is for co-op staff."],
        ["no session", forgedSessionCookie, "Please sign in first."],
      ]) {
        const answer = await callAction(path, fields, cookie);
        expect({ action, caller, answer }).toEqual({ action, caller, answer: expect.objectContaining({ ok: false, message }) });
        expect(answer).not.toHaveProperty("fieldErrors");
      }
    }
    expect(state()).toEqual({ ...before, pending: "submitted" });

    // The same forms work for staff, so the refusals above were about who called.
    expect(await callAction(ownerPage, payment, staff)).toMatchObject({ ok: true, message: "Payment recorded." });
    expect(await callAction(ownerPage, flower, staff)).toMatchObject({ ok: true, data: { verifiedUntil: "2031-01-31" } });
    expect(state()).toEqual({ ...before, payments: before.payments + 1, flower: "2031-01-31" });
  });

  it("a household member cannot change the household, nor can A; the primary owner can change theirs", async () => {
    const owner = storedSessionCookie("owner@coop.example");
    const household = storedSessionCookie("household@coop.example");
    const members = (ownerId: number) =>
      readPortalDb((db) => db.prepare("select name, email from owner_household_members where owner_id = ? order by id").all(ownerId));
    const demoOwner = scalar("select id from owners where owner_number = 1001");
    const before = members(demoOwner);
    expect(before).toEqual([{ name: "Demo Household Member", email: "household@coop.example" }]);
    const form = await scrapeForm("/account", owner, hasField("household.0.name"));
    const edit = { ...form, "household.0.name": "Renamed By Member", "household.1.name": "Uninvited Guest" };

    expect(await callAction("/account", edit, household)).toMatchObject({
      ok: false,
      code: "forbidden",
      message: "Only the primary owner can change the household. Ask them to do it.",
    });
    expect(await callAction("/account", edit, memberA)).toMatchObject({ ok: false, message: "Only owners have a household to change." });
    expect(members(demoOwner)).toEqual(before);
    expect(scalar("select count(*) from audit_log where action = 'owner.household' and subject_id = ?", [String(demoOwner)])).toBe(0);

    const householdView = await get("/account", household);
    const document = new JSDOM(await householdView.text()).window.document;
    expect(text(document.querySelector("main"))).toContain("Only the primary owner can change the household.");
    expect(document.querySelector('[name="household.0.name"]')).toBeNull();

    const bCookie = storedSessionCookie(b.email);
    const bForm = await scrapeForm("/account", bCookie, hasField("household.0.name"));
    expect(await callAction("/account", { ...bForm, "household.1.name": "Bea Bystander" }, bCookie)).toMatchObject({ ok: true });
    expect(members(bOwner)).toEqual([
      { name: "Bram Bystander", email: b.home },
      { name: "Bea Bystander", email: null },
    ]);
    expect(scalar("select actor_email from audit_log where action = 'owner.household' and subject_id = ?", [String(bOwner)])).toBe(b.email);
  });
});

describe("an owner's account", () => {
  const equityPayments = (document: Document) => {
    const table = [...document.querySelectorAll("main table")].find((candidate) => text(candidate.querySelector("caption")) === "Equity payments");
    return {
      headers: [...(table?.querySelectorAll("th") ?? [])].map((cell) => text(cell)),
      amounts: [...(table?.querySelectorAll("tbody tr") ?? [])].map((row) => text(row.querySelectorAll("td")[1])),
    };
  };
  const demoPayments = () =>
    readPortalDb((db) =>
      db
        .prepare("select amount_cents from equity_payments where owner_id = (select id from owners where owner_number = 1001) order by paid_on, id")
        .pluck()
        .all(),
    ).map((cents) => `$${((cents as number) / 100).toFixed(2)}`);

  it("shows the primary owner the owner number, household, equity and payments with how they were paid", async () => {
    const response = await get("/account", storedSessionCookie("owner@coop.example"));
    expect(response.headers.get("cache-control")).toContain("no-store");
    const document = new JSDOM(await response.text()).window.document;
    expect(text(document.querySelector("#ownership-heading"))).toBe("Owner no. 1001");
    expect(document.querySelector<HTMLInputElement>('[name="household.0.name"]')?.value).toBe("Demo Household Member");
    expect(text(document.querySelector("main"))).toMatch(/Plan\s*\$25 now, then \$15 a month\s*Paid/);
    expect(equityPayments(document)).toEqual({ headers: ["Paid on", "Amount", "Paid by"], amounts: demoPayments() });
  });

  it("lets the primary owner keep the contact details up to date, which staff and the export then show; a household member cannot", async () => {
    const owner = storedSessionCookie("owner@coop.example");
    const demoOwner = scalar<number>("select id from owners where owner_number = 1001");
    const contact = () => readPortalDb((db) => db.prepare("select phone, street_address, locality, region, postal_code from owners where id = ?").get(demoOwner));
    const before = contact();
    expect(before).toEqual({ phone: "585-555-0150", street_address: "18 Oxford St", locality: "Rochester", region: "NY", postal_code: "14607" });
    const form = await scrapeForm("/account", owner, hasField("streetAddress"));
    expect(form).toMatchObject({ phone: "585-555-0150", streetAddress: "18 Oxford St", postalCode: "14607" });

    expect(await callAction("/account", { ...form, streetAddress: "5 Elm St", postalCode: "1460" }, owner)).toMatchObject({ ok: false, fieldErrors: { postalCode: [expect.stringMatching(/ZIP code like 14607/)] } });
    expect(await callAction("/account", { ...form, streetAddress: "5 Elm St" }, storedSessionCookie("household@coop.example"))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Only the primary owner can change/),
    });
    expect(contact()).toEqual(before);

    try {
      expect(await callAction("/account", { ...form, streetAddress: "5 Elm St", postalCode: "14620" }, owner)).toMatchObject({ ok: true, message: "Contact details saved." });
      expect(contact()).toMatchObject({ street_address: "5 Elm St", postal_code: "14620" });
      expect(await pageText(`/staff/owners/${demoOwner}`, staff)).toContain("5 Elm St, Rochester, NY 14620");
      const [header, ...rows] = parseCsv(await (await get("/staff/owners/export.csv", staff)).text());
      const row = rows.find((cells) => cells[header!.indexOf("owner_number")] === "1001")!;
      expect([row[header!.indexOf("street_address")], row[header!.indexOf("zip")]]).toEqual(["5 Elm St", "14620"]);
      const audit = readPortalDb((db) => db.prepare("select detail from audit_log where action = 'owner.contact' and subject_id = ? order by id desc").get(String(demoOwner))) as { detail: string };
      expect(JSON.parse(audit.detail)).toEqual({ changed: ["streetAddress", "postalCode"] });
    } finally {
      await callAction("/account", form, owner);
    }
  });

  it("shows a household member the same ownership, its household and payments, but not how they were paid", async () => {
    const document = new JSDOM(await (await get("/account", storedSessionCookie("household@coop.example"))).text()).window.document;
    expect(text(document.querySelector("#ownership-heading"))).toBe("Owner no. 1001");
    expect(text(document.querySelector("main"))).toContain("The ownership of Demo Owner’s household, which includes you");
    expect(text(document.querySelector("main"))).toContain("Demo Household Member");
    expect(equityPayments(document)).toEqual({ headers: ["Paid on", "Amount"], amounts: demoPayments() });
  });
});
