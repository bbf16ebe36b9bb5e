import crypto from "node:crypto";
import { JSDOM } from "jsdom";
import { callAction, hasField, scrapeForm, submitForm } from "../helpers/forms";
import { text } from "../helpers/html";
import { applicationFields, applicationIdOf, scalar, submitApplication } from "../helpers/owners";
import { portalUrl } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";

// The admin's erasure tool: an admin types an address (posted, never in a URL), sees what
// the portal holds for it as counts, ticks a box and erases it. Staff and members are
// refused the page and both actions; a primary owner's address is refused with the reason.

jest.setTimeout(120_000);

const run = crypto.randomBytes(4).toString("hex");
const subject = `erasure-subject-${run}@coop.example`;
const adminEmail = `erasure-admin-${run}@coop.example`;
const erasePage = "/staff/people/erase";
const refusal = { adminsOnly: "This is for co-op admins." };
const isLookUpForm = (form: HTMLFormElement) => hasField("email")(form) && !hasField("confirmErasure")(form);
const isEraseForm = hasField("confirmErasure");

let admin: string;
let staff: string;
let member: string;
let subjectCookie: string;

/** What the portal holds for the subject, row by row. */
const footprint = () => ({
  account: scalar("select count(*) from users where email = ?", [subject]),
  subscriber: scalar("select count(*) from newsletter_subscribers where email = ?", [subject]),
  ownerApplication: scalar("select count(*) from owner_applications where email = ?", [subject]),
  mail: scalar("select count(*) from email_outbox where \"to\" = ?", [subject]),
  signInLinks: scalar("select count(*) from verification_tokens where identifier = ?", [subject]),
});

/** Looks an address up as a browser without JavaScript does: the form posted to the page, which answers with the counts. */
async function lookUpWithoutJavaScript(email: string) {
  const fields = await scrapeForm(erasePage, admin, isLookUpForm);
  const response = await submitForm(erasePage, { ...fields, email }, admin);
  expect(response.status).toBe(200);
  return new JSDOM(await response.text()).window.document;
}

/** The erase form's fields as the look-up answer rendered them. */
function eraseFormOf(document: Document) {
  const form = [...document.querySelectorAll("form")].find(isEraseForm);
  if (!form) return null;
  const fields: Record<string, string> = {};
  for (const input of form.querySelectorAll("input")) if (input.name && input.type !== "checkbox") fields[input.name] = input.value;
  return fields;
}

beforeAll(async () => {
  admin = storedSessionCookie(adminEmail, "admin");
  staff = storedSessionCookie(`erasure-staff-${run}@coop.example`, "staff");
  member = storedSessionCookie(`erasure-member-${run}@coop.example`, "member");
  subjectCookie = storedSessionCookie(subject, "member");
  const subscribe = await scrapeForm("/account", subjectCookie, (form) => form.querySelector("button")?.textContent?.trim() === "Subscribe");
  expect(await callAction("/account", subscribe, subjectCookie)).toMatchObject({ ok: true });
  expect(await submitApplication(applicationFields(subject, { "applicant.name": "Sloane Subject" }))).toEqual({ redirect: "/owners/apply/thanks" });
  expect(footprint()).toMatchObject({ account: 1, subscriber: 1, ownerApplication: 1 });
});

it("the people page links to the erasure page", async () => {
  const html = await (await fetch(portalUrl("/staff/people"), { headers: { Cookie: admin } })).text();
  expect([...new JSDOM(html).window.document.querySelectorAll("a")].map((link) => link.getAttribute("href"))).toContain(erasePage);
});

it("staff and members are refused the page and both actions, and nothing of the subject goes", async () => {
  for (const cookie of [staff, member]) expect((await fetch(portalUrl(erasePage), { redirect: "manual", headers: { Cookie: cookie } })).status).toBe(403);
  const lookUp = { ...(await scrapeForm(erasePage, admin, isLookUpForm)), email: subject };
  const erase = { ...eraseFormOf(await lookUpWithoutJavaScript(subject))!, confirmErasure: "on" };
  for (const cookie of [staff, member]) {
    expect(await callAction(erasePage, lookUp, cookie)).toMatchObject({ ok: false, message: refusal.adminsOnly });
    expect(await callAction(erasePage, erase, cookie)).toMatchObject({ ok: false, message: refusal.adminsOnly });
  }
  expect(footprint()).toMatchObject({ account: 1, subscriber: 1, ownerApplication: 1 });
});

it("the look-up shows counts per kind, not contents, and offers the erasure with a tick box", async () => {
  const document = await lookUpWithoutJavaScript(subject);
  const summary = text(document.querySelector("main"));
  expect(summary).toMatch(/account.*member/i);
  expect(summary).toMatch(/newsletter.*confirmed/i);
  expect(summary).toMatch(/owner applications?.*1 waiting/i);
  expect(summary).not.toMatch(/Sloane|Garson|585-555/);
  expect(eraseFormOf(document)).toMatchObject({ email: subject });
  expect(document.querySelector('input[type="checkbox"][name="confirmErasure"]')).not.toBeNull();
  // The look-up is audited as a view, without the address it was about.
  expect(scalar("select count(*) from audit_log where action = 'person.view' and actor_email = ? and subject_id = 'lookup'", [adminEmail])).toBeGreaterThan(0);
});

it("without the tick nothing is erased, and the box says why", async () => {
  const fields = eraseFormOf(await lookUpWithoutJavaScript(subject))!;
  expect(await callAction(erasePage, fields, admin)).toMatchObject({ ok: false, fieldErrors: { confirmErasure: [expect.stringMatching(/tick/i)] } });
  expect(footprint()).toMatchObject({ account: 1, subscriber: 1, ownerApplication: 1 });
});

it("a primary owner's address is refused with the reason, and offered no erasure", async () => {
  const document = await lookUpWithoutJavaScript("owner@coop.example");
  expect(text(document.querySelector("main"))).toMatch(/primary owner.*equity/i);
  expect(eraseFormOf(document)).toBeNull();
  const forged = { ...eraseFormOf(await lookUpWithoutJavaScript(subject))!, email: "owner@coop.example", confirmErasure: "on" };
  expect(await callAction(erasePage, forged, admin)).toMatchObject({ ok: false, message: expect.stringMatching(/primary owner/i) });
  expect(scalar("select count(*) from owners where owner_number = 1001")).toBe(1);
  expect(scalar("select count(*) from users where email = 'owner@coop.example'")).toBe(1);
});

it("an admin erases the address without JavaScript: everything goes, the session ends, and the audit log keeps counts only", async () => {
  const applicationId = applicationIdOf(subject)!;
  const fields = eraseFormOf(await lookUpWithoutJavaScript(subject))!;
  const response = await submitForm(erasePage, { ...fields, confirmErasure: "on" }, admin);
  expect(response.status).toBe(303);
  const landing = new URL(response.headers.get("location")!, portalUrl());
  expect(landing.pathname).toBe(erasePage);
  expect(landing.toString()).not.toContain(subject.split("@")[0]);

  expect(footprint()).toEqual({ account: 0, subscriber: 0, ownerApplication: 0, mail: 0, signInLinks: 0 });
  expect(scalar("select count(*) from email_outbox where concerns_type = 'owner_application' and concerns_id = ?", [String(applicationId)])).toBe(0);
  expect((await fetch(portalUrl("/account"), { redirect: "manual", headers: { Cookie: subjectCookie } })).status).toBe(307);

  const entries = scalar<string>("select json_group_array(json_object('actor', actor_email, 'detail', detail)) from audit_log where action = 'person.erase'");
  expect(JSON.parse(entries)).toHaveLength(1);
  expect(entries).not.toContain(subject);
  expect(scalar("select count(*) from audit_log where actor_email = ? or detail like ?", [subject, `%${subject}%`])).toBe(0);

  const document = new JSDOM(await (await fetch(landing, { headers: { Cookie: admin } })).text()).window.document;
  expect(text(document.querySelector("[role=status]"))).toMatch(/erased/i);
});
