import crypto from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { actionAnswer, callAction, forgedSessionCookie, hasField, postAction, postUploadForm, scrapeForm, scrapeUploadForm, type ActionAnswer } from "../helpers/forms";
import { applicationFields, applicationIdOf, inPool, scalar, submitApplication } from "../helpers/owners";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { builtActions, concreteUrl, exportedActions, routeFiles } from "../helpers/routes";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(120_000);

/*
 * Who gets what: every page under /staff and /account, every route handler, and every
 * exported server action, against the six kinds of people. The test below finds the
 * routes and actions on disk and fails when one is missing here, or listed here and gone.
 *
 * Pages and route handlers are fetched with GET:
 *   "login"  the page's own redirect to /login?callbackUrl=… (the visitor's cookie matches
 *            no session, so proxy.ts lets it through and the page itself must refuse)
 *   a number the HTTP status (405 for the upload routes, which take only POST: who may
 *            post to them, __tests__/http/upload-bodies.test.ts holds)
 * Actions are called by their id, as the page's script calls them, with an argument that
 * is not a form, so that an action whose role check lets the caller through stops at
 * "This form could not be read" and nothing runs:
 *   "runs"         let through by the role check
 *   "sign in"      refused by the action's own check: "Please sign in first."
 *   "staff only"   refused by the action's own check: "This is for co-op staff."
 *   "admins only"  refused by the action's own check: "This is for co-op admins."
 */
type Expected = "login" | 200 | 303 | 401 | 403 | 405 | "runs" | "sign in" | "staff only" | "admins only";
type Row = readonly [anonymous: Expected, member: Expected, household: Expected, owner: Expected, staff: Expected, admin: Expected];

// prettier-ignore
const matrix: Record<string, Row> = {
  // Pages                                                  anonymous      member         household      owner          staff          admin
  "/account":                                              ["login",       200,           200,           200,           200,           200],
  "/staff":                                                ["login",       403,           403,           403,           200,           200],
  "/staff/audit":                                          ["login",       403,           403,           403,           403,           200],
  "/staff/elections":                                      ["login",       403,           403,           403,           200,           200],
  "/staff/elections/[id]":                                 ["login",       403,           403,           403,           200,           200],
  "/staff/elections/[id]/paper":                           ["login",       403,           403,           403,           200,           200],
  "/staff/elections/[id]/preview":                         ["login",       403,           403,           403,           200,           200],
  "/staff/elections/[id]/results":                         ["login",       403,           403,           403,           200,           200],
  "/staff/elections/[id]/roll":                            ["login",       403,           403,           403,           200,           200],
  "/staff/elections/new":                                  ["login",       403,           403,           403,           403,           200],
  "/staff/jobs":                                           ["login",       403,           403,           403,           200,           200],
  "/staff/jobs/[id]":                                      ["login",       403,           403,           403,           200,           200],
  "/staff/jobs/applicants/[id]":                           ["login",       403,           403,           403,           200,           200],
  "/staff/jobs/new":                                       ["login",       403,           403,           403,           200,           200],
  "/staff/monographs":                                     ["login",       403,           403,           403,           200,           200],
  "/staff/monographs/[id]":                                ["login",       403,           403,           403,           200,           200],
  "/staff/monographs/new":                                 ["login",       403,           403,           403,           200,           200],
  "/staff/newsletter":                                     ["login",       403,           403,           403,           200,           200],
  "/staff/newsletter/campaigns/[id]":                      ["login",       403,           403,           403,           200,           200],
  "/staff/newsletter/campaigns/new":                       ["login",       403,           403,           403,           200,           200],
  "/staff/newsletter/import":                              ["login",       403,           403,           403,           200,           200],
  "/staff/newsletter/issues":                              ["login",       403,           403,           403,           200,           200],
  "/staff/newsletter/lists":                               ["login",       403,           403,           403,           200,           200],
  "/staff/newsletter/subscribers":                         ["login",       403,           403,           403,           200,           200],
  "/staff/outbox":                                         ["login",       403,           403,           403,           403,           200],
  "/staff/outbox/[id]":                                    ["login",       403,           403,           403,           403,           200],
  "/staff/owners":                                         ["login",       403,           403,           403,           200,           200],
  "/staff/owners/[id]":                                    ["login",       403,           403,           403,           200,           200],
  "/staff/owners/applications":                            ["login",       403,           403,           403,           200,           200],
  "/staff/owners/applications/[id]":                       ["login",       403,           403,           403,           200,           200],
  "/staff/pages":                                          ["login",       403,           403,           403,           200,           200],
  "/staff/pages/[...slug]":                                ["login",       403,           403,           403,           200,           200],
  "/staff/people":                                         ["login",       403,           403,           403,           403,           200],
  "/staff/people/erase":                                   ["login",       403,           403,           403,           403,           200],
  "/staff/settings":                                       ["login",       403,           403,           403,           403,           200],
  // Route handlers
  "/api/auth/[...nextauth]":                               [200,           200,           200,           200,           200,           200],
  "/api/health":                                           [200,           200,           200,           200,           200,           200],
  "/api/jobs/[id]/applications":                           [405,           405,           405,           405,           405,           405],
  "/api/monographs/search":                                [200,           200,           200,           200,           200,           200],
  "/api/staff/jobs":                                       [401,           403,           403,           403,           200,           200],
  "/api/staff/jobs/[id]/applicants":                       [401,           403,           403,           403,           200,           200],
  "/api/staff/newsletter/campaigns":                       [401,           403,           403,           403,           200,           200],
  "/api/staff/newsletter/campaigns/[id]/progress":         [401,           403,           403,           403,           200,           200],
  "/api/staff/newsletter/import":                          [405,           405,           405,           405,           405,           405],
  "/api/staff/newsletter/issues":                          [405,           405,           405,           405,           405,           405],
  "/jobs/feed.xml":                                        [200,           200,           200,           200,           200,           200],
  "/newsletter/emails/feed.xml":                           [200,           200,           200,           200,           200,           200],
  "/newsletter/issues/[slug]":                             [200,           200,           200,           200,           200,           200],
  "/newsletter/issues/feed.xml":                           [200,           200,           200,           200,           200,           200],
  "/newsletter/unsubscribe/one-click":                     [303,           303,           303,           303,           303,           303],
  "/staff/elections/[id]/results.csv":                     [401,           403,           403,           403,           200,           200],
  "/staff/jobs/applicants/[id]/resume":                    [401,           403,           403,           403,           200,           200],
  "/staff/newsletter/subscribers/export.csv":              [401,           403,           403,           403,           200,           200],
  "/staff/owners/applications/[id]/pdf":                   [401,           403,           403,           403,           200,           200],
  "/staff/owners/export.csv":                              [401,           403,           403,           403,           200,           200],
  // Server actions
  "lib/actions/auth.ts#requestSignInLinkAction":           ["runs",        "runs",        "runs",        "runs",        "runs",        "runs"],
  "lib/actions/auth.ts#signOutAction":                     ["sign in",     "runs",        "runs",        "runs",        "runs",        "runs"],
  "lib/actions/auth.ts#signOutEverywhereAction":           ["sign in",     "runs",        "runs",        "runs",        "runs",        "runs"],
  "lib/actions/erasure.ts#erasePersonAction":             ["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/erasure.ts#lookUpPersonAction":            ["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/election-drafts.ts#arrangeBallotAction":   ["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/election-drafts.ts#deleteDraftElectionAction":["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/election-drafts.ts#openElectionNowAction": ["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/election-drafts.ts#saveCandidateAction":   ["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/election-drafts.ts#saveElectionAction":    ["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/election-drafts.ts#saveMeasureAction":     ["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/election-drafts.ts#saveRaceAction":        ["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/election-running.ts#certifyElectionAction":  ["sign in",  "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/election-running.ts#changeRollAction":       ["sign in",  "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/election-running.ts#findOnRollAction":       ["sign in",  "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/election-running.ts#markVotedOnPaperAction": ["sign in",  "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/election-running.ts#recordPaperBatchAction": ["sign in",  "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/election-running.ts#sendRemindersAction":    ["sign in",  "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/election-running.ts#setResultsEmailAction":  ["sign in",  "runs",        "runs",        "runs",        "runs",        "runs"],
  "lib/actions/election-votes.ts#castBallotAction":       ["runs",        "runs",        "runs",        "runs",        "runs",        "runs"],
  "lib/actions/email.ts#retryEmailAction":                 ["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/job-applicant-review.ts#updateApplicantAction": ["sign in",     "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/job-settings.ts#saveJobSettingsAction":     ["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/jobs.ts#createJobAction":                   ["sign in",     "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/jobs.ts#deleteDraftJobAction":              ["sign in",     "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/jobs.ts#setJobStatusAction":                ["sign in",     "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/jobs.ts#updateJobAction":                   ["sign in",     "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/monographs.ts#deleteMonographAction":       ["sign in",     "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/monographs.ts#saveMonographAction":         ["sign in",     "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/monographs.ts#setMonographStatusAction":    ["sign in",     "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/newsletter-bounces.ts#clearBounceAction":          ["sign in", "staff only", "staff only", "staff only", "runs",       "runs"],
  "lib/actions/newsletter-campaigns.ts#cancelCampaignScheduleAction": ["sign in", "staff only", "staff only", "staff only", "runs",    "runs"],
  "lib/actions/newsletter-campaigns.ts#createCampaignAction":      ["sign in", "staff only", "staff only", "staff only", "runs",       "runs"],
  "lib/actions/newsletter-campaigns.ts#deleteDraftCampaignAction": ["sign in", "staff only", "staff only", "staff only", "runs",       "runs"],
  "lib/actions/newsletter-campaigns.ts#scheduleCampaignAction":    ["sign in", "staff only", "staff only", "staff only", "runs",       "runs"],
  "lib/actions/newsletter-campaigns.ts#sendTestCampaignAction":    ["sign in", "staff only", "staff only", "staff only", "runs",       "runs"],
  "lib/actions/newsletter-campaigns.ts#startCampaignSendAction":   ["sign in", "staff only", "staff only", "staff only", "runs",       "runs"],
  "lib/actions/newsletter-campaigns.ts#updateCampaignAction":      ["sign in", "staff only", "staff only", "staff only", "runs",       "runs"],
  "lib/actions/newsletter-import.ts#importNewsletterListAction":   ["sign in", "staff only", "staff only", "staff only", "runs",       "runs"],
  "lib/actions/newsletter-issues.ts#deleteNewsletterIssueAction":  ["sign in", "staff only", "staff only", "staff only", "runs",       "runs"],
  "lib/actions/newsletter-lists.ts#archiveNewsletterListAction": ["sign in", "staff only", "staff only", "staff only", "runs",       "runs"],
  "lib/actions/newsletter-lists.ts#createNewsletterListAction":  ["sign in", "staff only", "staff only", "staff only", "runs",       "runs"],
  "lib/actions/newsletter-lists.ts#updateNewsletterListAction":  ["sign in", "staff only", "staff only", "staff only", "runs",       "runs"],
  "lib/actions/newsletter.ts#confirmSubscriptionAction":   ["runs",        "runs",        "runs",        "runs",        "runs",        "runs"],
  "lib/actions/newsletter.ts#leaveAllByPreferencesAction": ["runs",        "runs",        "runs",        "runs",        "runs",        "runs"],
  "lib/actions/newsletter.ts#savePreferencesAction":       ["runs",        "runs",        "runs",        "runs",        "runs",        "runs"],
  "lib/actions/newsletter.ts#staffUnsubscribeAction":      ["sign in",     "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/newsletter.ts#subscribeFromAccountAction":  ["sign in",     "runs",        "runs",        "runs",        "runs",        "runs"],
  "lib/actions/newsletter.ts#subscribeToNewsletterAction": ["runs",        "runs",        "runs",        "runs",        "runs",        "runs"],
  "lib/actions/newsletter.ts#unsubscribeByLinkAction":     ["runs",        "runs",        "runs",        "runs",        "runs",        "runs"],
  "lib/actions/newsletter.ts#unsubscribeFromAccountAction":["sign in",     "runs",        "runs",        "runs",        "runs",        "runs"],
  "lib/actions/owner-applications.ts#approveOwnerApplicationAction": ["sign in", "staff only", "staff only", "staff only", "runs",     "runs"],
  "lib/actions/owner-applications.ts#declineOwnerApplicationAction": ["sign in", "staff only", "staff only", "staff only", "runs",     "runs"],
  "lib/actions/owner-applications.ts#submitOwnerApplicationAction":  ["runs",    "runs",       "runs",       "runs",       "runs",     "runs"],
  "lib/actions/owner-applications.ts#withdrawOwnerApplicationAction": ["sign in", "runs",      "runs",       "runs",       "runs",     "runs"],
  "lib/actions/owner-households.ts#acceptHouseholdInvitationAction":  ["sign in", "runs",       "runs",       "runs",       "runs",     "runs"],
  "lib/actions/owner-households.ts#declineHouseholdInvitationAction": ["sign in", "runs",       "runs",       "runs",       "runs",     "runs"],
  "lib/actions/owner-households.ts#declineInvitationByLinkAction":    ["runs",    "runs",       "runs",       "runs",       "runs",     "runs"],
  "lib/actions/owner-households.ts#leaveHouseholdAction":             ["sign in", "runs",       "runs",       "runs",       "runs",     "runs"],
  "lib/actions/owner-households.ts#removeHouseholdMemberAction":      ["sign in", "staff only", "staff only", "staff only", "runs",     "runs"],
  "lib/actions/owner-households.ts#saveHouseholdAction":              ["sign in", "runs",       "runs",       "runs",       "runs",     "runs"],
  "lib/actions/owner-settings.ts#saveEquityPlansAction":   ["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/owner-settings.ts#setNextOwnerNumberAction":["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/owners.ts#findOwnersAction":                ["sign in",     "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/owners.ts#recordEquityPaymentAction":       ["sign in",     "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/owners.ts#saveOwnerContactAction":          ["sign in",     "runs",        "runs",        "runs",        "runs",        "runs"],
  "lib/actions/owners.ts#setFlowerVerificationAction":     ["sign in",     "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/site.ts#savePageAction":                    ["sign in",     "staff only",  "staff only",  "staff only",  "runs",        "runs"],
  "lib/actions/site.ts#saveSettingsAction":                ["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
  "lib/actions/users.ts#changeRoleAction":                 ["sign in",     "admins only", "admins only", "admins only", "admins only", "runs"],
};

const people = ["anonymous", "member", "household", "owner", "staff", "admin"] as const;
type Person = (typeof people)[number];

const run = crypto.randomBytes(4).toString("hex");
const cookies = {} as Record<Person, string>;
const emails = {
  member: `matrix-member-${run}@coop.example`,
  household: "household@coop.example",
  owner: "owner@coop.example",
  staff: `matrix-staff-${run}@coop.example`,
  admin: `matrix-admin-${run}@coop.example`,
};
/** Someone else's rows, which the people above ask for: a job applicant's résumé, an owner application. */
let otherApplicantId: number;
let otherOwnerApplicationId: number;

async function onePagePdf() {
  const document = await PDFDocument.create();
  document.addPage();
  return Buffer.from(await document.save());
}

beforeAll(async () => {
  cookies.anonymous = forgedSessionCookie;
  cookies.member = storedSessionCookie(emails.member, "member");
  cookies.household = storedSessionCookie(emails.household);
  cookies.owner = storedSessionCookie(emails.owner);
  cookies.staff = storedSessionCookie(emails.staff, "staff");
  cookies.admin = storedSessionCookie(emails.admin, "admin");

  // A job applicant with a résumé, through the public form and its upload route.
  const applyForm = await scrapeUploadForm(concreteUrl("/jobs/[slug]/apply"), "", hasField("resumeText"));
  const applicantEmail = `matrix-applicant-${run}@coop.example`;
  const resume = new File([new Uint8Array(await onePagePdf())], "CV.pdf", { type: "application/pdf" });
  const fields = { ...applyForm.fields, name: "Other Applicant", email: applicantEmail, phone: "585-555-0101", availability: "Weekends", coverLetter: "Hello.", resume };
  expect((await postUploadForm(applyForm.action, fields)).answer).toEqual({ ok: true, redirect: expect.stringContaining("/thanks") });
  otherApplicantId = scalar("select id from job_applications where email = ?", [applicantEmail]);

  // An owner application from someone else, still waiting.
  const ownerApplicant = `matrix-owner-applicant-${run}@coop.example`;
  expect(await submitApplication(applicationFields(ownerApplicant))).toEqual({ redirect: "/owners/apply/thanks" });
  otherOwnerApplicationId = applicationIdOf(ownerApplicant)!;
});

const isAction = (key: string) => key.includes("#");
const built = builtActions();
const routes = () => routeFiles().filter(({ kind, pattern }) => kind === "handler" || /^\/(staff|account|api)(\/|$)/.test(pattern));
const ids = () => ({ applicants: otherApplicantId, applications: otherOwnerApplicationId });
const withQuery = (pattern: string, url: string) => (pattern === "/api/monographs/search" ? `${url}?q=ginger` : url);

describe("the access matrix", () => {
  it("lists every page under /staff and /account, every route handler and every exported server action, and nothing else", () => {
    const onDisk = [...routes().map(({ pattern }) => pattern), ...exportedActions()].sort();
    expect(Object.keys(matrix).sort()).toEqual(onDisk);
    // The build knows every listed action (its id is what a caller sends).
    expect(exportedActions().filter((key) => !built.has(key))).toEqual([]);
  });

  /** What `person` got from a page or route handler, in the table's terms. */
  async function answerOfRoute(pattern: string, person: Person): Promise<Expected | string> {
    const url = withQuery(pattern, concreteUrl(pattern, ids()));
    const response = await fetch(portalUrl(url), { redirect: "manual", headers: { Cookie: cookies[person] } });
    await response.arrayBuffer();
    if (response.status === 307) {
      const location = new URL(response.headers.get("location")!, portalUrl());
      const back = location.searchParams.get("callbackUrl") ?? "";
      return location.pathname === "/login" && url.startsWith(back) ? "login" : `307 to ${location.pathname}${location.search}`;
    }
    if (response.status === 200 && response.headers.get("content-disposition") && pattern.startsWith("/staff") && !["staff", "admin"].includes(person)) {
      return "a file for someone who is not staff";
    }
    return response.status as Expected;
  }

  /** What `person` got from an action, in the table's terms. */
  async function answerOfAction(key: string, person: Person): Promise<Expected | string> {
    const action = built.get(key)!;
    const body = new FormData();
    body.append("0", JSON.stringify([null, "not a form"]));
    const path = concreteUrl(action.page);
    const answer = (await actionAnswer(path, await postAction(path, action.id, body, { cookie: cookies[person] }))) as ActionAnswer & { code?: string };
    const words: Record<string, Expected> = {
      "This form could not be read. Reload the page and send it again.": "runs",
      "Please sign in first.": "sign in",
      "This is for co-op staff.": "staff only",
      "This is for co-op admins.": "admins only",
    };
    return ("message" in answer && answer.ok === false && words[answer.message!]) || JSON.stringify(answer);
  }

  // Staff opening personal data is audited (rule 7): those entries are reads, not changes.
  const isReadAudit = "(action like '%.view' or action like '%.resume' or action like '%.export' or action like '%.pdf')";

  const writableTables = [
    "users",
    "owners",
    "owner_household_members",
    "owner_applications",
    "owner_application_household",
    "equity_payments",
    "owner_number_sequence",
    "jobs",
    "job_applications",
    "uploads",
    "monographs",
    "newsletter_subscribers",
    "newsletter_campaigns",
    "newsletter_issues",
    "newsletter_lists",
    "newsletter_list_members",
    "pages",
    "settings",
  ];
  const ours = Object.values(emails);
  const inOurs = `(${ours.map(() => "?").join(", ")})`;

  /**
   * What the actions could have written: every row that existed when the sweep began
   * (rows other test files add meanwhile are theirs), the sessions of the people of the
   * matrix (a sign-out that ran would end one), what they changed according to the audit
   * log, and that a refused read left no audit entry.
   */
  function writableState(upTo: Record<string, number>) {
    return withPortalDb((db) => ({
      rows: Object.fromEntries(
        writableTables.map((table) => [
          table,
          crypto.createHash("sha256").update(JSON.stringify(db.prepare(`select * from ${table} where rowid <= ? order by rowid`).all(upTo[table]))).digest("hex"),
        ]),
      ),
      sessions: db.prepare(`select count(*) from sessions where user_id in (select id from users where email in ${inOurs})`).pluck().get(...ours),
      auditedChangesByThesePeople: db.prepare(`select count(*) from audit_log where actor_email in ${inOurs} and not ${isReadAudit}`).pluck().get(...ours),
      auditedReadsByThoseNotStaff: db
        .prepare(`select count(*) from audit_log where actor_email in (?, ?, ?) and ${isReadAudit}`)
        .pluck()
        .get(emails.member, emails.household, emails.owner),
    }));
  }

  it("every person gets the answer the table gives, from the page, handler or action itself, and nothing is written", async () => {
    const upTo = Object.fromEntries(writableTables.map((table) => [table, scalar(`select coalesce(max(rowid), 0) from ${table}`)]));
    const before = writableState(upTo);
    const got: Record<string, (Expected | string)[]> = {};
    await inPool(Object.keys(matrix), 1, async (key) => {
      const answers: (Expected | string)[] = [];
      for (const person of people) answers.push(isAction(key) ? await answerOfAction(key, person) : await answerOfRoute(key, person));
      got[key] = answers;
    });
    // Compared as one table, so that a failure shows every cell that differs.
    expect(Object.fromEntries(Object.keys(matrix).map((key) => [key, got[key]]))).toEqual(matrix);
    expect(writableState(upTo)).toEqual(before);
  });

  it("a visitor without any session cookie is sent from every page under /staff and /account to sign in, and back", async () => {
    for (const pattern of Object.keys(matrix).filter((key) => matrix[key]![0] === "login")) {
      const url = concreteUrl(pattern, ids());
      const response = await fetch(portalUrl(url), { redirect: "manual" });
      const location = new URL(response.headers.get("location") ?? "/", portalUrl()).toString();
      expect({ url, status: response.status, location }).toEqual({ url, status: 307, location: portalUrl(`/login?callbackUrl=${encodeURIComponent(url)}`) });
    }
  });
});

describe("one person's data, asked for by another", () => {
  const otherOwnerEmail = `matrix-other-owner-${run}@coop.example`;
  let otherOwner: string;
  let otherOwnerId: number;
  let otherSubscriberId: number;
  const ownOwnerId = () => scalar("select id from owners where owner_number = 1001");
  const ownerRow = (id: number) => withPortalDb((db) => db.prepare("select * from owners where id = ?").get(id));
  const householdOf = (id: number) => withPortalDb((db) => db.prepare("select * from owner_household_members where owner_id = ? order by id").all(id));
  const paymentsOf = (id: number) => scalar("select count(*) from equity_payments where owner_id = ?", [id]);
  const pressButton = (label: string) => (form: HTMLFormElement) => form.querySelector("button")?.textContent?.trim() === label;
  const get = async (path: string, cookie: string) => {
    const response = await fetch(portalUrl(path), { redirect: "manual", headers: { Cookie: cookie } });
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    // Another ownership: applied for on the public form, approved by staff, signed in to.
    expect(await submitApplication(applicationFields(otherOwnerEmail, { "applicant.name": "Other Owner", "applicant.phone": "585-555-0199" }))).toEqual({
      redirect: "/owners/apply/thanks",
    });
    const applicationPath = `/staff/owners/applications/${applicationIdOf(otherOwnerEmail)}`;
    expect(await callAction(applicationPath, await scrapeForm(applicationPath, cookies.staff, hasField("joinedOn")), cookies.staff)).toMatchObject({ ok: true });
    otherOwnerId = scalar("select id from owners where application_id = ?", [applicationIdOf(otherOwnerEmail)]);
    otherOwner = storedSessionCookie(otherOwnerEmail);
    expect(await callAction("/account", await scrapeForm("/account", otherOwner, pressButton("Subscribe")), otherOwner)).toMatchObject({ ok: true });
    otherSubscriberId = scalar("select id from newsletter_subscribers where email = ?", [otherOwnerEmail]);
  });

  it("/account shows each owner their own ownership, never another's, nor another's application", async () => {
    const own = await get("/account", cookies.owner);
    expect(own.html).toContain("1001");
    const otherNumber = scalar("select owner_number from owners where id = ?", [otherOwnerId]);
    for (const foreign of [otherOwnerEmail, "Other Owner", "585-555-0199", `matrix-owner-applicant-${run}@coop.example`]) expect(own.html).not.toContain(foreign);
    const other = await get("/account", otherOwner);
    expect(other.html).toContain(String(otherNumber));
    for (const foreign of ["Demo Owner", "18 Oxford St", "household@coop.example"]) expect(other.html).not.toContain(foreign);
  });

  it.each([
    ["a member", "member"],
    ["a household member", "household"],
    ["an owner", "owner"],
  ] as const)(
    "by address, %s is refused another's ownership, owner application and its PDF, job application and résumé, and the subscriber list",
    async (_label, person) => {
      const applicationId = applicationIdOf(otherOwnerEmail);
      for (const path of [
        `/staff/owners/${otherOwnerId}`,
        `/staff/owners/applications/${applicationId}`,
        `/staff/owners/applications/${applicationId}/pdf`,
        `/staff/jobs/applicants/${otherApplicantId}`,
        `/staff/jobs/applicants/${otherApplicantId}/resume`,
        "/staff/newsletter/subscribers/export.csv",
        "/staff/owners/export.csv",
      ]) {
        const { status, html } = await get(path, cookies[person]);
        expect({ path, status }).toEqual({ path, status: 403 });
        expect(html).not.toContain(otherOwnerEmail);
        expect(html).not.toContain("Other Applicant");
      }
    },
  );

  it("by action with another's ids, an owner cannot unsubscribe them, record their payments or change their contact details; nothing of theirs changes", async () => {
    const before = { owner: ownerRow(otherOwnerId), household: householdOf(otherOwnerId), payments: paymentsOf(otherOwnerId) };
    const subscriberPage = "/staff/newsletter/subscribers";
    const asOwner = async (key: string, page: string, fields: Record<string, string>) => {
      const body = new FormData();
      for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
      body.append("0", JSON.stringify([null, "$K1"]));
      return actionAnswer(page, await postAction(page, built.get(key)!.id, body, { cookie: cookies.owner }));
    };
    expect(await asOwner("lib/actions/newsletter.ts#staffUnsubscribeAction", subscriberPage, { subscriberId: String(otherSubscriberId) })).toMatchObject({
      ok: false,
      message: "This is for co-op staff.",
    });
    expect(
      await asOwner("lib/actions/owners.ts#recordEquityPaymentAction", `/staff/owners/${otherOwnerId}`, {
        ownerId: String(otherOwnerId),
        amount: "25.00",
        paidOn: "2026-12-01",
        method: "cash",
      }),
    ).toMatchObject({ ok: false, message: "This is for co-op staff." });

    // The contact form acts on the caller's own ownership whatever id is smuggled in: sent
    // with the owner's own details and the other ownership's id, it leaves the other alone.
    const contact = await scrapeForm("/account", cookies.owner, hasField("streetAddress"));
    expect(await callAction("/account", { ...contact, ownerId: String(otherOwnerId), owner_id: String(otherOwnerId), id: String(otherOwnerId) }, cookies.owner)).toMatchObject({ ok: true });
    expect(ownerRow(ownOwnerId())).toMatchObject({ street_address: "18 Oxford St" });

    // Unsubscribing from the account acts on the caller's own address only.
    const smuggled = { subscriberId: String(otherSubscriberId), email: otherOwnerEmail };
    for (const button of ["Subscribe", "Leave all"]) {
      expect(await callAction("/account", { ...(await scrapeForm("/account", cookies.owner, pressButton(button))), ...smuggled }, cookies.owner)).toMatchObject({ ok: true });
    }

    expect({ owner: ownerRow(otherOwnerId), household: householdOf(otherOwnerId), payments: paymentsOf(otherOwnerId) }).toEqual(before);
    expect(scalar("select status from newsletter_subscribers where id = ?", [otherSubscriberId])).toBe("confirmed");
  });

  it("a household member sees the ownership but is refused changing its household or contact details; a member without one is refused too", async () => {
    const before = { owner: ownerRow(ownOwnerId()), household: householdOf(ownOwnerId()) };
    const saveAs = async (key: string, cookie: string, fields: Record<string, string>) => {
      const body = new FormData();
      for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
      body.append("0", JSON.stringify([null, "$K1"]));
      return actionAnswer("/account", await postAction("/account", built.get(key)!.id, body, { cookie }));
    };
    const household = { "household.0.name": "Taken Over", "household.0.email": `matrix-takeover-${run}@coop.example` };
    const contact = { phone: "585-555-0000", streetAddress: "1 Elsewhere", locality: "Rochester", region: "NY", postalCode: "14600" };
    expect((await get("/account", cookies.household)).html).toContain("1001");
    expect(await saveAs("lib/actions/owner-households.ts#saveHouseholdAction", cookies.household, household)).toMatchObject({ ok: false, message: expect.stringMatching(/^Only the primary owner/) });
    expect(await saveAs("lib/actions/owners.ts#saveOwnerContactAction", cookies.household, contact)).toMatchObject({ ok: false, message: expect.stringMatching(/^Only the primary owner/) });
    expect(await saveAs("lib/actions/owner-households.ts#saveHouseholdAction", cookies.member, household)).toMatchObject({ ok: false, message: "Only owners have a household to change." });
    expect(await saveAs("lib/actions/owners.ts#saveOwnerContactAction", cookies.member, contact)).toMatchObject({ ok: false, message: "Only owners have contact details to change here." });
    expect({ owner: ownerRow(ownOwnerId()), household: householdOf(ownOwnerId()) }).toEqual(before);
    expect(scalar("select count(*) from users where email = ?", [household["household.0.email"]])).toBe(0);
  });
});
