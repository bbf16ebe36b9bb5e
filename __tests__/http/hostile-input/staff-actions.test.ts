import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { PDFDocument } from "pdf-lib";
import { employmentTypes, jobApplicationStatuses, payUnits } from "@/lib/model/jobs";
import { evidenceGrades, monographCategorySlugs, monographSectionKeys, monographStatuses } from "@/lib/model/monographs";
import { roles } from "@/lib/model/users";
import { equityPaymentMethods } from "@/lib/model/equity";
import { ensureUser } from "../../helpers/auth";
import { callAction, hasField, scrapeForm, scrapeUploadForm, type ActionAnswer } from "../../helpers/forms";
import {
  CONCURRENCY,
  RUNS,
  SEED,
  actionIdOf,
  carriesMarkup,
  fuzzAction,
  injectedMarkup,
  nonFormArguments,
  onOwnPortal,
  postAction,
  type Answered,
  type FieldSpec,
  type GeneratedForm,
} from "../../helpers/hostile";
import { applicationFields, applicationIdOf, submitApplication } from "../../helpers/owners";
import { portalDataDir, portalUrl, withPortalDb } from "../../helpers/portal";
import { waitFor } from "../../helpers/wait-for";
import { storedSessionCookie } from "../../helpers/stored-session";

jest.setTimeout(15 * 60_000);

const run = crypto.randomBytes(4).toString("hex");
const count = (sql: string, ...params: unknown[]) => withPortalDb((db) => db.prepare(sql).pluck().get(...params) as number);
const uploads = () => {
  const dir = path.join(portalDataDir(), "uploads");
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).length : 0;
};

/** The rows staff actions add; updates show in the audit log (every accepted write is audited). */
const footprint = () => ({
  jobs: count("select count(*) from jobs"),
  monographs: count("select count(*) from monographs"),
  campaigns: count("select count(*) from newsletter_campaigns"),
  issues: count("select count(*) from newsletter_issues"),
  owners: count("select count(*) from owners"),
  payments: count("select count(*) from equity_payments"),
  users: count("select count(*) from users"),
  audit: count("select count(*) from audit_log"),
  outbox: count("select count(*) from email_outbox"),
  uploads: uploads(),
});

const text = (name: string, max: number, required = true): FieldSpec => ({ name, kind: "text", max, required });
const other = (name: string, required: boolean, valid?: fc.Arbitrary<string>): FieldSpec => ({ name, kind: "other", required, valid });
const id = (name: string, valid: number): FieldSpec => ({ name, kind: "id", required: true, valid: fc.constant(String(valid)) });
const day = (name: string, required = true) => other(name, required, fc.constantFrom("2099-01-31", "2030-02-28", "2028-02-29"));
const money = (name: string, required = true) => other(name, required, fc.constantFrom("25", "25.50", "$1,025.50", "0.29"));
const oneOf = (name: string, values: readonly string[], required = true) => other(name, required, fc.constantFrom(...values));

let staff: string;
let admin: string;
const get = (urlPath: string, cookie?: string) => fetch(portalUrl(urlPath), { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });

/**
 * Reads where accepted text is shown (for the first few accepted inputs that carry markup:
 * every page read costs a render) and fails on any element or attribute a payload tried
 * to inject.
 */
function shownAsText(paths: (answered: Answered) => string[], cookie: () => string | undefined, limit = 12) {
  let checked = 0;
  return async (input: GeneratedForm, answered: Answered) => {
    if (checked >= limit || !carriesMarkup(input)) return;
    checked += 1;
    for (const pagePath of paths(answered)) {
      const response = await get(pagePath, cookie());
      const html = await response.text();
      if (response.status >= 500) throw new Error(`${pagePath} answered ${response.status} after an accepted save`);
      const injected = injectedMarkup(html);
      if (injected.length > 0) throw new Error(`${pagePath} shows injected markup: ${injected.join(" | ")}`);
    }
  };
}

const redirectOf = (answered: Answered) => (answered.answer && "redirect" in answered.answer ? answered.answer.redirect : "");

function insertJob(slug: string, status: "draft" | "published") {
  return withPortalDb(
    (db) =>
      (
        db
          .prepare(
            `insert into jobs (slug, title, department, employment_type, hours, pay_min_cents, pay_unit, location, description, closes_on, status, published_at, created_at, updated_at)
             values (?, 'Baker', 'Bakery', 'part_time', 'Early mornings', 1800, 'hour', 'The store', 'Bake bread.', '2099-12-31', ?, ?, ?, ?) returning id`,
          )
          .get(slug, status, status === "published" ? Date.now() : null, Date.now(), Date.now()) as { id: number }
      ).id,
  );
}

async function issuePdf() {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return new File([new Uint8Array(await doc.save())], "issue.pdf", { type: "application/pdf" });
}

const idFromRedirect = (answer: ActionAnswer) => Number(/\/(\d+)\?created=1$/.exec((answer as { redirect: string }).redirect)![1]);

const publishedJobSlug = `hostile-baker-${run}`;
let publishedJob: number;
let draftJob: number;
let applicationId: number;
let failedEmail: number;
let subscriberId: number;
let roleTarget: string;
let ownerId: number;
let pendingApprove: number;
let pendingDecline: number;

onOwnPortal("hostile-staff");

beforeAll(async () => {
  staff = storedSessionCookie(`hostile-staff-${run}@coop.example`, "staff");
  admin = storedSessionCookie(`hostile-admin-${run}@coop.example`, "admin");
  publishedJob = insertJob(publishedJobSlug, "published");
  draftJob = insertJob(`hostile-draft-${run}`, "draft");
  withPortalDb((db) => {
    applicationId = Number(
      db
        .prepare(
          `insert into job_applications (job_id, name, email, phone, availability, resume_text, created_at, status_changed_at)
           values (?, 'Jun Park', ?, '585-555-0170', 'Evenings', 'Ten years in retail.', ?, ?)`,
        )
        .run(publishedJob, `hostile-applicant-${run}@fuzz.example`, Date.now(), Date.now()).lastInsertRowid,
    );
    failedEmail = (
      db
        .prepare(
          "insert into email_outbox (message_id, \"to\", subject, text, html, headers, status, attempts, next_try_at, created_at) values (?, 'bounced@example.invalid', 'Failed', 't', 'h', '{}', 'failed', 8, ?, ?) returning id",
        )
        .get(`<hostile-${run}@test>`, Date.now(), Date.now()) as { id: number }
    ).id;
    subscriberId = Number(
      db
        .prepare("insert into newsletter_subscribers (email, status, signed_up_at, confirmed_at) values (?, 'confirmed', ?, ?)")
        .run(`hostile-subscriber-${run}@fuzz.example`, Date.now(), Date.now()).lastInsertRowid,
    );
  });
  roleTarget = `hostile-role-${run}@coop.example`;
  ensureUser(roleTarget, "member");
  for (const who of ["approve", "decline", "owner"]) expect(await submitApplication(applicationFields(`hostile-${who}-${run}@fuzz.example`))).toEqual({ redirect: "/owners/apply/thanks" });
  pendingApprove = applicationIdOf(`hostile-approve-${run}@fuzz.example`)!;
  pendingDecline = applicationIdOf(`hostile-decline-${run}@fuzz.example`)!;
  const ownerApplication = applicationIdOf(`hostile-owner-${run}@fuzz.example`)!;
  const approve = await scrapeForm(`/staff/owners/applications/${ownerApplication}`, staff, hasField("joinedOn"));
  ownerId = ((await callAction(`/staff/owners/applications/${ownerApplication}`, approve, staff)) as { data: { ownerId: number } }).data.ownerId;
});

afterAll(async () => {
  console.log(`hostile-input staff actions: seed ${SEED}, ${RUNS} inputs per target, ${CONCURRENCY} at once`);
});

const jobFields: FieldSpec[] = [
  // Job text goes into /jobs/feed.xml too.
  text("title", 120),
  other("slug", false, fc.constantFrom("", "night-baker", "a-1")),
  text("department", 60),
  oneOf("employmentType", employmentTypes),
  text("hours", 120),
  money("payMin"),
  money("payMax", false),
  oneOf("payUnit", payUnits),
  text("location", 160),
  text("description", 20_000),
  text("responsibilities", 20_000),
  text("qualifications", 20_000),
  text("benefits", 20_000),
  day("closesOn"),
];
const validJob = {
  title: "Night baker",
  slug: "",
  department: "Bakery",
  employmentType: "part_time",
  hours: "Nights",
  payMin: "18",
  payMax: "",
  payUnit: "hour",
  location: "The store",
  description: "Bake.",
  responsibilities: "",
  qualifications: "",
  benefits: "",
  closesOn: "2099-06-30",
};

describe(`staff actions refuse what breaks their rules, store nothing for it, never answer 500, and show saved text as text (${RUNS} inputs each)`, () => {
  it("create a job posting", async () => {
    await fuzzAction({
      label: "create job",
      path: "/staff/jobs/new",
      cookie: staff,
      form: await scrapeForm("/staff/jobs/new", staff, hasField("title")),
      base: validJob,
      specs: jobFields,
      footprint,
      onAccepted: shownAsText((answered) => [redirectOf(answered)], () => staff),
    });
  });

  it("edit a published job posting (its public page, the list and the feed stay well-formed)", async () => {
    await fuzzAction({
      label: "update job",
      path: `/staff/jobs/${publishedJob}`,
      cookie: staff,
      form: await scrapeForm(`/staff/jobs/${publishedJob}`, staff, hasField("description")),
      base: { ...validJob, slug: publishedJobSlug, id: String(publishedJob) },
      specs: [id("id", publishedJob), ...jobFields.filter((spec) => spec.name !== "slug"), other("slug", false, fc.constant(publishedJobSlug))],
      footprint,
      onAccepted: async (input, answered) => {
        await shownAsText(() => [`/jobs/${publishedJobSlug}`, "/jobs", `/staff/jobs/${publishedJob}`], () => staff)(input, answered);
        const feed = await (await get("/jobs/feed.xml")).text();
        if (injectedMarkup(feed, "application/xml").length > 0) throw new Error("the jobs feed carries injected markup");
      },
    });
  });

  it("publish or close a posting", async () => {
    await fuzzAction({
      label: "job status",
      path: `/staff/jobs/${draftJob}`,
      cookie: staff,
      form: await scrapeForm(`/staff/jobs/${draftJob}`, staff, hasField("status", "published")),
      specs: [id("id", draftJob), oneOf("status", ["published", "closed"])],
      footprint,
    });
  });

  it("delete a draft posting", async () => {
    const target = insertJob(`hostile-doomed-${run}`, "draft");
    await fuzzAction({
      label: "delete draft job",
      path: `/staff/jobs/${target}`,
      cookie: staff,
      form: await scrapeForm(`/staff/jobs/${target}`, staff, (form) => hasField("id")(form) && !hasField("status")(form) && !hasField("description")(form)),
      specs: [id("id", target)],
      footprint,
    });
  });

  it("move an applicant along, with notes and an email", async () => {
    await fuzzAction({
      label: "update applicant",
      path: `/staff/jobs/applicants/${applicationId}`,
      cookie: staff,
      form: await scrapeForm(`/staff/jobs/applicants/${applicationId}`, staff, hasField("emailMessage")),
      base: { status: "reviewing", notes: "", emailMessage: "" },
      specs: [id("id", applicationId), oneOf("status", jobApplicationStatuses), text("notes", 10_000, false), text("emailMessage", 2_000, false)],
      footprint,
      perAccepted: { outbox: 1 },
      onAccepted: shownAsText(() => [`/staff/jobs/applicants/${applicationId}`], () => staff),
    });
  });

  const monographSpecs: FieldSpec[] = [
    other("slug", true, fc.uuid().map((uuid) => `hostile-${uuid.slice(0, 8)}`)),
    text("title", 150),
    oneOf("category", monographCategorySlugs),
    other("alsoListedAs", false),
    other("relatedTerms", false),
    text("summary", 500, false),
    ...monographSectionKeys.map((key) => text(`sections.${key}`, 30_000, false)),
    text("evidence.0.condition", 200, false),
    oneOf("evidence.0.grade", evidenceGrades, false),
    text("evidence.0.note", 400, false),
    text("references.0.authors", 600, false),
    text("references.0.title", 600, false),
    text("references.0.journal", 200, false),
    other("references.0.year", false, fc.constantFrom("1999", "2024")),
    other("references.0.pmid", false, fc.constantFrom("", "123456")),
    other("references.0.doi", false, fc.constantFrom("", "10.1000/xyz123")),
    day("reviewedAt", false),
    text("reviewer", 150, false),
    oneOf("status", monographStatuses, false),
  ];
  const validMonograph = { slug: `hostile-herb-${run}`, title: "Hostile herb", category: monographCategorySlugs[0], summary: "A herb.", status: "published" };
  let monographId: number;

  it("create a monograph", async () => {
    const form = await scrapeForm("/staff/monographs/new", staff, hasField("slug"));
    monographId = idFromRedirect(await callAction("/staff/monographs/new", { ...form, ...validMonograph }, staff));
    await fuzzAction({
      label: "create monograph",
      path: "/staff/monographs/new",
      cookie: staff,
      form,
      base: { ...validMonograph, slug: "" },
      specs: monographSpecs.map((spec) => (spec.name === "slug" ? { ...spec, fresh: true } : spec)),
      footprint,
      onAccepted: shownAsText((answered) => [redirectOf(answered)], () => staff),
    });
  });

  it("edit a published monograph (its public page stays text)", async () => {
    const pagePath = `/staff/monographs/${monographId}`;
    const slug = () => withPortalDb((db) => db.prepare("select slug from monographs where id = ?").pluck().get(monographId) as string);
    await fuzzAction({
      label: "update monograph",
      path: pagePath,
      cookie: staff,
      form: await scrapeForm(pagePath, staff, hasField("slug", validMonograph.slug)),
      base: validMonograph,
      specs: [id("id", monographId), ...monographSpecs.map((spec) => (spec.name === "slug" ? other("slug", true, fc.constant(validMonograph.slug)) : spec))],
      footprint,
      onAccepted: shownAsText(() => [pagePath, `/monographs/${slug()}`], () => staff),
    });
  });

  it("publish or unpublish a monograph", async () => {
    const pagePath = `/staff/monographs/${monographId}`;
    await fuzzAction({
      label: "monograph status",
      path: pagePath,
      cookie: staff,
      form: await scrapeForm(pagePath, staff, (form) => hasField("status")(form) && !hasField("slug")(form)),
      specs: [id("id", monographId), oneOf("status", monographStatuses)],
      footprint,
    });
  });

  it("delete a monograph", async () => {
    const form = await scrapeForm("/staff/monographs/new", staff, hasField("slug"));
    const doomed = idFromRedirect(await callAction("/staff/monographs/new", { ...form, ...validMonograph, slug: `hostile-doomed-${run}` }, staff));
    await fuzzAction({
      label: "delete monograph",
      path: `/staff/monographs/${doomed}`,
      cookie: staff,
      form: await scrapeForm(`/staff/monographs/${doomed}`, staff, hasField("confirm")),
      base: { confirm: "yes" },
      specs: [id("id", doomed), oneOf("confirm", ["yes"])],
      footprint,
    });
  });

  const campaignSpecs: FieldSpec[] = [text("subject", 150), text("markdown", 50_000)];
  const pickByButton = (label: string) => (form: HTMLFormElement) => (form.textContent ?? "").includes(label);
  const createCampaign = async (subject: string) =>
    idFromRedirect(await callAction("/staff/newsletter/campaigns/new", { ...(await scrapeForm("/staff/newsletter/campaigns/new", staff, hasField("subject"))), ownership: "any", subject, markdown: "Hello." }, staff));

  it("create a campaign", async () => {
    await fuzzAction({
      label: "create campaign",
      path: "/staff/newsletter/campaigns/new",
      cookie: staff,
      form: await scrapeForm("/staff/newsletter/campaigns/new", staff, hasField("subject")),
      base: { subject: "News", markdown: "Hello." },
      specs: campaignSpecs,
      footprint,
      onAccepted: shownAsText((answered) => [redirectOf(answered)], () => staff),
    });
  });

  it("edit a draft campaign (its preview stays text)", async () => {
    const campaign = await createCampaign(`Draft ${run}`);
    const pagePath = `/staff/newsletter/campaigns/${campaign}`;
    await fuzzAction({
      label: "update campaign",
      path: pagePath,
      cookie: staff,
      form: await scrapeForm(pagePath, staff, hasField("markdown")),
      specs: [id("id", campaign), ...campaignSpecs],
      footprint,
      onAccepted: shownAsText(() => [pagePath], () => staff),
    });
  });

  it("send a test of a campaign, and delete a draft", async () => {
    const campaign = await createCampaign(`Tested ${run}`);
    const pagePath = `/staff/newsletter/campaigns/${campaign}`;
    await fuzzAction({
      label: "test campaign",
      path: pagePath,
      cookie: staff,
      form: await scrapeForm(pagePath, staff, pickByButton("Send a test to me")),
      specs: [id("id", campaign)],
      footprint,
    });
    await fuzzAction({
      label: "delete draft campaign",
      path: pagePath,
      cookie: staff,
      form: await scrapeForm(pagePath, staff, pickByButton("Delete the draft")),
      specs: [id("id", campaign)],
      footprint,
    });
  });

  it("start a campaign's send", async () => {
    // A reader on the first list, where a new draft goes: the send is offered only when it has someone to go to.
    withPortalDb((db) => {
      const { id: reader } = db.prepare("insert into newsletter_subscribers (email, status, signed_up_at, confirmed_at) values (?, 'confirmed', ?, ?) returning id").get(`hostile-reader-${run}@coop.example`, Date.now(), Date.now()) as { id: number };
      db.prepare("insert into newsletter_list_members (list_id, subscriber_id, status, chosen_at, consent_at, consent_source) select id, ?, 'subscribed', ?, ?, 'form' from newsletter_lists where slug = 'news'").run(reader, Date.now(), Date.now());
    });
    const campaign = await createCampaign(`Sent ${run}`);
    const pagePath = `/staff/newsletter/campaigns/${campaign}?confirm=send`;
    await fuzzAction({
      label: "send campaign",
      path: pagePath,
      cookie: staff,
      form: await scrapeForm(pagePath, staff, hasField("confirm", "yes")),
      specs: [id("id", campaign), oneOf("confirm", ["yes"]), other("expected", false, fc.constantFrom("0", "3"))],
      footprint,
      perAccepted: { outbox: 1_000 },
    });
    // The send queues its messages as it goes: the suites after this one count the queue.
    const status = () => withPortalDb((db) => db.prepare("select status from newsletter_campaigns where id = ?").pluck().get(campaign) as string);
    expect(await waitFor("the campaign's send to finish", () => status() !== "sending" && status(), 120_000, 200)).toBe("sent");
  });

  it("publish an issue of the printed newsletter (a PDF) and delete one", async () => {
    const pdf = await issuePdf();
    const staffPath = "/staff/newsletter/issues";
    const { action: route, fields: form } = await scrapeUploadForm(staffPath, staff, hasField("title"));
    await fuzzAction({
      label: "publish issue",
      path: staffPath,
      route,
      cookie: staff,
      form,
      base: { title: "Winter", issuedOn: "2026-01-15", summary: "", pdf },
      specs: [text("title", 120), day("issuedOn"), text("summary", 1000), { name: "pdf", kind: "file", required: true }],
      footprint,
      onAccepted: shownAsText(() => ["/newsletter/issues", staffPath], () => staff),
    });
    const issue = withPortalDb((db) => db.prepare("select id from newsletter_issues order by id desc limit 1").pluck().get() as number);
    await fuzzAction({
      label: "delete issue",
      path: staffPath,
      cookie: staff,
      form: await scrapeForm(staffPath, staff, hasField("id", String(issue))),
      specs: [id("id", issue)],
      footprint,
    });
  });

  it("stage a mailing list for import (a CSV), and import one", async () => {
    const importPath = "/staff/newsletter/import";
    const list = () => new File([`email,name,lists\r\nhostile-import-${run}@coop.example,Ann,news\r\n`], "list.csv", { type: "text/csv" });
    const { action: route, fields: form } = await scrapeUploadForm(importPath, staff, hasField("file"));
    const staging = await fuzzAction({
      label: "stage import",
      path: importPath,
      route,
      cookie: staff,
      form,
      base: { file: list() },
      specs: [{ name: "file", kind: "file", required: true }],
      footprint,
      // The preview shows the file's name as the sender's computer gave it.
      onAccepted: shownAsText((answered) => [redirectOf(answered)], () => staff),
    });
    expect(staging.accepted).toBeGreaterThan(0);
    // Every accepted input staged a file; one is imported, by whichever press comes first.
    const staged = withPortalDb((db) => db.prepare("select id from uploads where content_type = 'text/csv' order by created_at desc limit 1").pluck().get() as string);
    const previewPath = `${importPath}?file=${staged}`;
    const importing = await fuzzAction({
      label: "import list",
      path: previewPath,
      cookie: staff,
      form: await scrapeForm(previewPath, staff, hasField("file", staged)),
      specs: [other("file", true, fc.constant(staged))],
      footprint,
    });
    // The first press that names the file imports it (its answer is a redirect); every later one finds it gone.
    expect(importing.accepted).toBe(1);
  });

  it("unsubscribe a subscriber by hand", async () => {
    await fuzzAction({
      label: "staff unsubscribe",
      path: "/staff/newsletter/subscribers",
      cookie: staff,
      form: await scrapeForm("/staff/newsletter/subscribers", staff, hasField("subscriberId", String(subscriberId))),
      specs: [id("subscriberId", subscriberId)],
      footprint,
    });
  });

  it("approve and decline owner applications", async () => {
    const approvePath = `/staff/owners/applications/${pendingApprove}`;
    await fuzzAction({
      label: "approve application",
      path: approvePath,
      cookie: staff,
      form: await scrapeForm(approvePath, staff, hasField("joinedOn")),
      specs: [id("applicationId", pendingApprove), day("joinedOn"), money("firstPayment", false), oneOf("method", equityPaymentMethods, false)],
      footprint,
      perAccepted: { outbox: 3 },
    });
    const declinePath = `/staff/owners/applications/${pendingDecline}`;
    await fuzzAction({
      label: "decline application",
      path: declinePath,
      cookie: staff,
      form: await scrapeForm(declinePath, staff, hasField("reason")),
      base: { reason: "We could not verify the address." },
      specs: [id("applicationId", pendingDecline), text("reason", 1000)],
      footprint,
      perAccepted: { outbox: 2 },
      onAccepted: shownAsText(() => [declinePath], () => staff),
    });
  });

  it("find owners, record a payment and FLOWER verification", async () => {
    await fuzzAction({
      label: "find owners",
      path: "/staff/owners",
      cookie: staff,
      form: await scrapeForm("/staff/owners", staff, hasField("q")),
      base: { q: "Robin" },
      specs: [text("q", 100)],
      footprint,
    });
    const ownerPage = `/staff/owners/${ownerId}`;
    await fuzzAction({
      label: "record equity payment",
      path: ownerPage,
      cookie: staff,
      form: await scrapeForm(ownerPage, staff, hasField("amount")),
      base: { amount: "25", paidOn: "2026-01-15", method: "cash" },
      specs: [id("ownerId", ownerId), money("amount"), day("paidOn"), oneOf("method", equityPaymentMethods)],
      footprint,
    });
    await fuzzAction({
      label: "FLOWER verification",
      path: ownerPage,
      cookie: staff,
      form: await scrapeForm(ownerPage, staff, hasField("verifiedUntil")),
      specs: [id("ownerId", ownerId), day("verifiedUntil", false)],
      footprint,
    });
  });
});

describe(`admin actions (${RUNS} inputs each)`, () => {
  it("edit a content page (the public page stays text)", async () => {
    const pagePath = "/staff/pages/about/board";
    await fuzzAction({
      label: "save page",
      path: pagePath,
      cookie: staff,
      form: await scrapeForm(pagePath, staff, hasField("slug", "about/board")),
      specs: [other("slug", true, fc.constant("about/board")), text("title", 120), text("description", 300, false), text("markdown", 50_000)],
      footprint,
      onAccepted: shownAsText(() => ["/about/board"], () => undefined),
    });
  });

  it("save the co-op's settings (every page stays text)", async () => {
    await fuzzAction({
      label: "save settings",
      path: "/staff/settings",
      cookie: admin,
      form: await scrapeForm("/staff/settings", admin, hasField("coopName")),
      specs: [
        // The co-op's name, locality and region are in every RSS feed's title and description.
        text("coopName", 80),
        text("tagline", 160),
        text("streetAddress", 120),
        text("locality", 80),
        text("region", 40),
        text("postalCode", 20),
        text("phone", 40),
        text("fax", 40),
        other("email", true, fc.constant("store@coop.example")),
        other("hours", true),
        other("directionsUrl", true, fc.constantFrom("https://example.com/map", "http://example.com/?q=<b>")),
        other("localCoopFinderUrl", true),
        other("instagram", true),
        other("twitter", true),
        other("facebook", true),
        other("staffNotificationEmail", true),
      ],
      footprint,
      onAccepted: shownAsText(() => ["/visit", "/jobs"], () => undefined),
    });
  });

  it("save the equity plans, the next owner number and the job settings", async () => {
    const plans = await scrapeForm("/staff/settings", admin, hasField("plans.0.id"));
    await fuzzAction({
      label: "save equity plans",
      path: "/staff/settings",
      cookie: admin,
      form: plans,
      specs: [
        other("plans.0.id", false, fc.constant(plans["plans.0.id"]!)),
        text("plans.0.name", 80, false),
        money("plans.0.total", false),
        money("plans.0.firstPayment", false),
        money("plans.0.installment", false),
        other("plans.0.intervalMonths", false, fc.constantFrom("", "1", "12")),
        text("plans.1.name", 80, false),
      ],
      footprint,
      onAccepted: shownAsText(() => ["/owners/apply"], () => undefined),
    });
    await fuzzAction({
      label: "next owner number",
      path: "/staff/settings",
      cookie: admin,
      form: await scrapeForm("/staff/settings", admin, hasField("nextOwnerNumber")),
      specs: [text("nextOwnerNumber", 12)],
      footprint,
    });
    await fuzzAction({
      label: "job settings",
      path: "/staff/settings",
      cookie: admin,
      form: await scrapeForm("/staff/settings", admin, hasField("retentionDays")),
      specs: [other("retentionDays", true, fc.constantFrom("365", "1,000", "30"))],
      footprint,
    });
  });

  it("change someone's role, and retry a failed email", async () => {
    const userId = withPortalDb((db) => db.prepare("select id from users where email = ?").pluck().get(roleTarget) as string);
    await fuzzAction({
      label: "change role",
      path: "/staff/people",
      cookie: admin,
      form: await scrapeForm("/staff/people", admin, hasField("userId", userId)),
      specs: [other("userId", true, fc.constant(userId)), oneOf("role", roles)],
      footprint,
    });
    await fuzzAction({
      label: "retry email",
      path: "/staff/outbox?status=failed",
      cookie: admin,
      form: await scrapeForm("/staff/outbox?status=failed", admin, hasField("id", String(failedEmail))),
      specs: [id("id", failedEmail)],
      footprint,
    });
  });

  it("every staff action called with anything but a form answers a plain refusal and writes nothing", async () => {
    const forms = [
      ["/staff/jobs/new", await scrapeForm("/staff/jobs/new", staff, hasField("title"))],
      ["/staff/newsletter/campaigns/new", await scrapeForm("/staff/newsletter/campaigns/new", staff, hasField("subject"))],
      ["/staff/monographs/new", await scrapeForm("/staff/monographs/new", staff, hasField("slug"))],
      ["/staff/owners", await scrapeForm("/staff/owners", staff, hasField("q"))],
      ["/staff/settings", await scrapeForm("/staff/settings", admin, hasField("coopName"))],
    ] as const;
    const before = footprint();
    for (const [pagePath, form] of forms) {
      for (const root of nonFormArguments) {
        const answered = await postAction(pagePath, actionIdOf(form), [], pagePath === "/staff/settings" ? admin : staff, root);
        expect({ pagePath, root, status: answered.status, answer: answered.answer }).toEqual({ pagePath, root, status: 200, answer: expect.objectContaining({ ok: false, code: "bad_request" }) });
      }
    }
    expect(footprint()).toEqual(before);
  });
});
