import { callAction, forgedSessionCookie, hasField, scrapeForm } from "../helpers/forms";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { waitForEmail } from "../helpers/wait-for-email";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(120_000);

const stamp = Date.now();
let member: string;
let staff: string;
let jobId: number;
let applicationId: number;
const applicantEmail = `applicant-${stamp}@coop.example`;

const jobRow = (id: number) => withPortalDb((db) => db.prepare("select * from jobs where id = ?").get(id)) as Record<string, unknown> | undefined;
const applicationRow = (id: number) => withPortalDb((db) => db.prepare("select status, notes from job_applications where id = ?").get(id)) as { status: string; notes: string };
const count = (table: string) => (withPortalDb((db) => db.prepare(`select count(*) as n from ${table}`).get()) as { n: number }).n;

beforeAll(async () => {
  member = storedSessionCookie(`jobs-member-${stamp}@coop.example`, "member");
  staff = storedSessionCookie(`jobs-staff-${stamp}@coop.example`, "staff");
  withPortalDb((db) => {
    jobId = Number(
      db
        .prepare(
          `insert into jobs (slug, title, department, employment_type, hours, pay_min_cents, pay_unit, location, description, closes_on, status, created_at, updated_at)
           values (?, 'Night Stocker', 'Grocery', 'part_time', '20 hours a week', 1700, 'hour', 'The store', 'Stock shelves overnight.', '2099-01-01', 'draft', ?, ?)`,
        )
        .run(`night-stocker-${stamp}`, Date.now(), Date.now()).lastInsertRowid,
    );
    applicationId = Number(
      db
        .prepare(
          `insert into job_applications (job_id, name, email, phone, availability, resume_text, created_at, status_changed_at)
           values (?, 'Jun Park', ?, '585-555-0170', 'Evenings', 'Ten years in retail.', ?, ?)`,
        )
        .run(jobId, applicantEmail, Date.now(), Date.now()).lastInsertRowid,
    );
  });
});

/** Each staff action's form, scraped from its page as staff see it: the action ids come from there. */
async function forms() {
  const list = await scrapeForm("/staff/jobs/new", staff, hasField("title"));
  const edit = await scrapeForm(`/staff/jobs/${jobId}`, staff, hasField("description"));
  const status = await scrapeForm(`/staff/jobs/${jobId}`, staff, hasField("status", "published"));
  const remove = await scrapeForm(`/staff/jobs/${jobId}`, staff, (form) => hasField("id")(form) && !hasField("status")(form) && !hasField("description")(form));
  const applicant = await scrapeForm(`/staff/jobs/applicants/${applicationId}`, staff, hasField("emailMessage"));
  return { list, edit, status, remove, applicant };
}

describe("job actions and route handlers refuse anyone but staff themselves", () => {
  it.each([
    ["no session", () => forgedSessionCookie, "Please sign in first."],
    ["a member", () => member, "This is for co-op staff."],
  ])("%s: every action answers with its own refusal and no row changes", async (_caller, cookie, message) => {
    const { list, edit, status, remove, applicant } = await forms();
    const before = { jobs: count("jobs"), job: jobRow(jobId), application: applicationRow(applicationId), outbox: count("email_outbox") };
    const calls: [string, Record<string, string>][] = [
      ["/staff/jobs/new", { ...list, title: "Taken over", department: "X", hours: "1", payMin: "1", description: "x", closesOn: "2099-01-01" }],
      [`/staff/jobs/${jobId}`, { ...edit, title: "Renamed by a stranger" }],
      [`/staff/jobs/${jobId}`, status],
      [`/staff/jobs/${jobId}`, remove],
      [`/staff/jobs/applicants/${applicationId}`, { ...applicant, status: "hired", notes: "hired!", emailMessage: "You are hired." }],
    ];
    for (const [path, fields] of calls) {
      const answer = await callAction(path, fields, cookie());
      expect({ path, answer }).toEqual({ path, answer: expect.objectContaining({ ok: false, message }) });
    }
    expect({ jobs: count("jobs"), job: jobRow(jobId), application: applicationRow(applicationId), outbox: count("email_outbox") }).toEqual(before);
  });

  it.each([
    ["no session", undefined, 401],
    ["a forged session", forgedSessionCookie, 401],
    ["a member", "member", 403],
  ])("the staff JSON lists refuse %s (401 or 403), with no data", async (_caller, who, expected) => {
    const cookie = who === "member" ? member : who;
    for (const path of ["/api/staff/jobs", `/api/staff/jobs/${jobId}/applicants`]) {
      const response = await fetch(portalUrl(path), { headers: cookie ? { Cookie: cookie } : {} });
      expect({ path, status: response.status }).toEqual({ path, status: expected });
      expect(await response.text()).not.toContain("Jun Park");
      expect(response.headers.get("cache-control")).toContain("no-store");
    }
  });
});

describe("staff move applicants along", () => {
  it("list the posting's applicants for staff, without caching", async () => {
    const response = await fetch(portalUrl(`/api/staff/jobs/${jobId}/applicants`), { headers: { Cookie: staff } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const { applicants } = (await response.json()) as { applicants: { id: number; name: string; status: string }[] };
    expect(applicants).toEqual([expect.objectContaining({ id: applicationId, name: "Jun Park", status: "new" })]);
  });

  it("opening an applicant is audited", async () => {
    const response = await fetch(portalUrl(`/staff/jobs/applicants/${applicationId}`), { headers: { Cookie: staff } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Ten years in retail.");
    const audited = withPortalDb((db) =>
      db.prepare("select count(*) as n from audit_log where action = 'job_application.view' and subject_id = ?").get(String(applicationId)),
    ) as { n: number };
    expect(audited.n).toBeGreaterThan(0);
  });

  it("a status change with a message stores both and emails the applicant what staff wrote", async () => {
    const { applicant } = await forms();
    const answer = await callAction(
      `/staff/jobs/applicants/${applicationId}`,
      { ...applicant, status: "interview", notes: "Strong retail background.", emailMessage: "Could you come in on Tuesday at 10 am?" },
      staff,
    );
    expect(answer).toMatchObject({ ok: true, data: { id: applicationId, status: "interview" } });
    expect(applicationRow(applicationId)).toEqual({ status: "interview", notes: "Strong retail background." });
    const email = await waitForEmail(applicantEmail);
    expect(email.subject).toBe("Your application for Night Stocker");
    expect(email.text).toContain("Could you come in on Tuesday at 10 am?");
    expect(email.text).not.toContain("Strong retail background.");
  });

  it("a bad status is a field error and changes nothing", async () => {
    const { applicant } = await forms();
    const answer = await callAction(`/staff/jobs/applicants/${applicationId}`, { ...applicant, status: "promoted" }, staff);
    expect(answer).toMatchObject({ ok: false, fieldErrors: { status: ["Choose a status."] } });
    expect(applicationRow(applicationId).status).toBe("interview");
  });
});

describe("staff write postings", () => {
  it("bad input gets field errors and writes nothing", async () => {
    const { list } = await forms();
    const before = count("jobs");
    const answer = await callAction(
      "/staff/jobs/new",
      { ...list, title: "", department: "Deli", hours: "20", payMin: "12.345", payMax: "", description: "", closesOn: "2099-02-30", employmentType: "gig" },
      staff,
    );
    expect(answer).toMatchObject({
      ok: false,
      fieldErrors: expect.objectContaining({
        title: ["Required."],
        payMin: [expect.stringContaining("dollars and cents")],
        description: ["Required."],
        closesOn: ["That day does not exist."],
        employmentType: ["Choose the kind of job."],
      }),
    });
    expect(count("jobs")).toBe(before);
  });

  it("a taken address is refused at its field", async () => {
    const { list } = await forms();
    const before = count("jobs");
    const answer = await callAction(
      "/staff/jobs/new",
      { ...list, title: "Another stocker", slug: `night-stocker-${stamp}`, department: "Grocery", hours: "20", payMin: "17", description: "More stocking.", closesOn: "2099-01-01" },
      staff,
    );
    expect(answer).toMatchObject({ ok: false, fieldErrors: { slug: [expect.stringContaining("Another posting has this address")] } });
    expect(count("jobs")).toBe(before);
  });

  it("creating a posting stores a draft, audited, and opens its page", async () => {
    const { list } = await forms();
    const answer = await callAction(
      "/staff/jobs/new",
      { ...list, title: `Bakery Assistant ${stamp}`, slug: "", department: "Bakery", hours: "Early mornings", payMin: "16", payMax: "17.50", description: "Bake bread.", closesOn: "2099-01-01" },
      staff,
    );
    expect(answer).toEqual({ redirect: expect.stringMatching(/^\/staff\/jobs\/\d+\?created=1$/) });
    const id = Number(/\/(\d+)\?/.exec((answer as { redirect: string }).redirect)![1]);
    expect(jobRow(id)).toMatchObject({ status: "draft", slug: `bakery-assistant-${stamp}`, pay_min_cents: 1600, pay_max_cents: 1750 });
    const audited = withPortalDb((db) => db.prepare("select count(*) as n from audit_log where action = 'job.create' and subject_id = ?").get(String(id))) as { n: number };
    expect(audited.n).toBe(1);

    // The same title again, its address left blank: the next free address, not a refusal.
    const again = await callAction(
      "/staff/jobs/new",
      { ...list, title: `Bakery Assistant ${stamp}`, slug: "", department: "Bakery", hours: "Weekends", payMin: "16", payMax: "", description: "Bake more bread.", closesOn: "2099-01-01" },
      staff,
    );
    const secondId = Number(/\/(\d+)\?/.exec((again as { redirect: string }).redirect)![1]);
    expect(jobRow(secondId)).toMatchObject({ status: "draft", slug: `bakery-assistant-${stamp}-2` });
  });

  it("a draft cannot be closed, even by a hand-made request: that would publish a 'closed' page of something never public", async () => {
    const { status } = await forms();
    expect(jobRow(jobId)).toMatchObject({ status: "draft" });
    const answer = await callAction(`/staff/jobs/${jobId}`, { ...status, status: "closed" }, staff);
    expect(answer).toMatchObject({ ok: false, message: expect.stringContaining("A draft was never public") });
    expect(jobRow(jobId)).toMatchObject({ status: "draft", closed_at: null });
  });

  it("only drafts are deleted: a published posting is refused and stays", async () => {
    const { status, remove } = await forms();
    expect(await callAction(`/staff/jobs/${jobId}`, status, staff)).toMatchObject({ ok: true, data: { status: "published" } });
    const answer = await callAction(`/staff/jobs/${jobId}`, remove, staff);
    expect(answer).toMatchObject({ ok: false, message: expect.stringContaining("Only drafts can be deleted") });
    expect(jobRow(jobId)).toMatchObject({ status: "published" });
  });
});
