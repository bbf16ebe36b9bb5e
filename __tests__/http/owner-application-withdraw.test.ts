import { JSDOM } from "jsdom";
import { callAction, hasField, scrapeForm, submitForm } from "../helpers/forms";
import { text } from "../helpers/html";
import { applicationFields, applicationIdOf, scalar, submitApplication } from "../helpers/owners";
import { portalUrl } from "../helpers/portal";
import { waitForEmail } from "../helpers/wait-for-email";
import { storedSessionCookie } from "../helpers/stored-session";

// An applicant may change their mind: "Withdraw my application" on /account deletes the
// waiting application at once, with its household and the mail about it, and a short email
// confirms it. Staff who had it open are told it no longer exists.

jest.setTimeout(120_000);

const applicant = "withdraw-applicant@coop.example";
const bystander = "withdraw-bystander@coop.example";
const detailPath = (id: number) => `/staff/owners/applications/${id}`;
const isWithdrawForm = hasField("confirmWithdrawal");
const accountPage = async (cookie: string) => new JSDOM(await (await fetch(portalUrl("/account"), { headers: { Cookie: cookie } })).text()).window.document;

let id: number;
let applicantCookie: string;
let staffCookie: string;
let declineForm: Record<string, string>;

beforeAll(async () => {
  const fields = applicationFields(applicant, {
    "applicant.name": "Wren Withdrawer",
    "household.0.name": "Wren's partner",
    "household.0.email": "withdraw-partner@coop.example",
    "flower.snap": "on",
    "flower.medicaid": "on",
  });
  expect(await submitApplication(fields)).toEqual({ redirect: "/owners/apply/thanks" });
  id = applicationIdOf(applicant)!;
  await waitForEmail(applicant, (email) => email.subject.startsWith("We have your owner application"));
  staffCookie = storedSessionCookie("withdraw-staff@coop.example", "staff");
  // A staff member opens the application, and leaves the page open.
  declineForm = { ...(await scrapeForm(detailPath(id), staffCookie, hasField("reason"))), reason: "Too late." };
  applicantCookie = storedSessionCookie(applicant, "member");
});

const mailAbout = (applicationId: number) => scalar("select count(*) from email_outbox where concerns_type = 'owner_application' and concerns_id = ?", [String(applicationId)]);

it("the applicant's /account offers to withdraw the waiting application", async () => {
  const document = await accountPage(applicantCookie);
  const form = [...document.querySelectorAll("form")].find(isWithdrawForm);
  expect(form).toBeDefined();
  expect(text(form!.querySelector("button[type=submit]"))).toBe("Withdraw my application");
  expect(mailAbout(id)).toBe(2); // the applicant's receipt and the staff notice
});

it("without the confirming tick nothing happens, and the box says why", async () => {
  const { confirmWithdrawal: _unticked, ...fields } = await scrapeForm("/account", applicantCookie, isWithdrawForm);
  const answer = await callAction("/account", fields, applicantCookie);
  expect(answer).toMatchObject({ ok: false, fieldErrors: { confirmWithdrawal: [expect.stringMatching(/tick/i)] } });
  expect(applicationIdOf(applicant)).toBe(id);
});

it("someone else pressing the button withdraws only their own application: having none, nothing", async () => {
  const bystanderCookie = storedSessionCookie(bystander, "member");
  const fields = await scrapeForm("/account", applicantCookie, isWithdrawForm);
  const answer = await callAction("/account", fields, bystanderCookie);
  expect(answer).toMatchObject({ ok: false, message: expect.stringMatching(/no application waiting/i) });
  expect(applicationIdOf(applicant)).toBe(id);
});

it("withdrawing (without JavaScript) deletes the application, its household and its mail at once, audits only the id, and emails a confirmation", async () => {
  const fields = await scrapeForm("/account", applicantCookie, isWithdrawForm);
  const response = await submitForm("/account", { ...fields, confirmWithdrawal: "on" }, applicantCookie);
  expect(response.status).toBe(303);
  const landing = response.headers.get("location")!;
  expect(new URL(landing, portalUrl()).pathname).toBe("/account");

  expect(applicationIdOf(applicant)).toBeUndefined();
  expect(scalar("select count(*) from owner_application_household where application_id = ?", [id])).toBe(0);
  expect(mailAbout(id)).toBe(0);
  expect(scalar("select count(*) from email_outbox where subject like '%Wren%' or text like '%Wren Withdrawer%'")).toBe(0);
  const audit = scalar<string>("select json_object('actor', actor_email, 'subject', subject_id, 'detail', detail) from audit_log where action = 'owner_application.withdraw'");
  expect(JSON.parse(audit)).toMatchObject({ actor: applicant, subject: String(id) });
  expect(audit).not.toMatch(/Wren|withdraw-partner|snap|medicaid/i);

  const confirmation = await waitForEmail(applicant, (email) => /withdrawn/i.test(email.subject));
  expect(confirmation.text).not.toMatch(/585-555|Garson|SNAP|Medicaid|withdraw-partner/);

  const document = new JSDOM(await (await fetch(portalUrl(landing), { headers: { Cookie: applicantCookie } })).text()).window.document;
  expect(text(document.querySelector("[role=status]"))).toMatch(/withdrawn/i);
  expect([...document.querySelectorAll("form")].find(isWithdrawForm)).toBeUndefined();
  expect(text(document.querySelector("main"))).toContain("Apply to become an owner");
});

it("staff who still had it open are told it no longer exists", async () => {
  expect(await callAction(detailPath(id), declineForm, staffCookie)).toMatchObject({ ok: false, message: "That application no longer exists." });
  expect((await fetch(portalUrl(detailPath(id)), { headers: { Cookie: staffCookie } })).status).toBe(404);
  expect((await fetch(portalUrl("/staff/owners/applications"), { headers: { Cookie: staffCookie } })).status).toBe(200);
});
