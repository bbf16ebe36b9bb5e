import { JSDOM } from "jsdom";
import { callAction, hasField, scrapeForm } from "../helpers/forms";
import { text } from "../helpers/html";
import { applicationFields, applicationIdOf, readPortalDb, scalar, submitApplication, writePortalDb } from "../helpers/owners";
import { portalUrl } from "../helpers/portal";
import { waitForEmail } from "../helpers/wait-for-email";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(120_000);

const thanks = { redirect: "/owners/apply/thanks" };
const get = (path: string, cookie = "") => fetch(portalUrl(path), { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
const mainText = async (path: string, cookie = "") => text(new JSDOM(await (await get(path, cookie)).text()).window.document.querySelector("main"));
const memberRow = (ownerId: number, email: string) =>
  readPortalDb(
    (db) =>
      db.prepare("select id, user_id as userId, joined_at as joinedAt from owner_household_members where owner_id = ? and email = ?").get(ownerId, email) as
        | { id: number; userId: string | null; joinedAt: number | null }
        | undefined,
  );

let staff: string;
beforeAll(async () => {
  staff = storedSessionCookie("households-staff@coop.example", "staff");
});

/** A new ownership through the real forms: applied for, approved by staff; answers its id and the primary owner's session. */
async function newOwnership(email: string, name: string) {
  expect(await submitApplication(applicationFields(email, { "applicant.name": name, "agreement.signature": name }))).toEqual(thanks);
  const applicationId = applicationIdOf(email)!;
  const page = `/staff/owners/applications/${applicationId}`;
  const approved = await callAction(page, await scrapeForm(page, staff, hasField("joinedOn")), staff);
  expect(approved).toMatchObject({ ok: true });
  return { ownerId: (approved as { data: { ownerId: number } }).data.ownerId, cookie: storedSessionCookie(email) };
}

/** The primary owner saves the household form on /account with these members. */
async function saveHousehold(cookie: string, members: { name: string; email?: string }[]) {
  const form = await scrapeForm("/account", cookie, hasField("household.0.name"));
  const fields = { ...form };
  members.forEach((member, index) => {
    fields[`household.${index}.name`] = member.name;
    fields[`household.${index}.email`] = member.email ?? "";
  });
  return callAction("/account", fields, cookie);
}

const invitationLink = async (email: string) => {
  const mail = await waitForEmail(email, (candidate) => candidate.subject.includes("household"));
  const link = mail.text.match(/https?:\/\/\S+\/owners\/invitation\?token=[0-9a-f]{64}/)?.[0];
  expect(link).toBeDefined();
  return { mail, path: new URL(link!).pathname + new URL(link!).search };
};

describe("adding someone to a household invites them", () => {
  it("links nobody until the invitee accepts while signed in; the owner sees “invited” until then", async () => {
    const primary = await newOwnership("household-host@coop.example", "Hazel Host");
    const invitee = "household-ivy@coop.example";
    expect(await saveHousehold(primary.cookie, [{ name: "Ivy Invitee", email: invitee }])).toMatchObject({ ok: true });

    expect(memberRow(primary.ownerId, invitee)).toMatchObject({ userId: null, joinedAt: null });
    expect(await mainText("/account", primary.cookie)).toMatch(/Ivy Invitee.*invited/i);
    const { mail, path } = await invitationLink(invitee);
    expect(mail.text).toContain("Hazel Host");
    expect(mail.text).not.toMatch(/Owner no\.|owner number \d/i);

    // Opening the link (a mail scanner does) changes nothing.
    expect((await get(path)).status).toBe(200);
    const ivy = storedSessionCookie(invitee);
    expect(await mainText("/account", ivy)).not.toContain("Owner no.");
    expect(memberRow(primary.ownerId, invitee)).toMatchObject({ userId: null, joinedAt: null });

    const accept = await scrapeForm("/account", ivy, hasField("invitationId"));
    expect(await callAction("/account", accept, ivy)).toMatchObject({ ok: true });
    expect(memberRow(primary.ownerId, invitee)).toMatchObject({ userId: expect.any(String), joinedAt: expect.any(Number) });
    expect(await mainText("/account", ivy)).toContain("Owner no.");
    expect(await mainText("/account", primary.cookie)).not.toMatch(/Ivy Invitee.*invited/i);
    expect(scalar("select count(*) from audit_log where action = 'owner.household_join' and subject_id = ?", [String(primary.ownerId)])).toBe(1);
  });

  it("lets the invitee decline from the emailed link without signing in, which removes the invitation", async () => {
    const primary = await newOwnership("household-host2@coop.example", "Harriet Host");
    const stranger = "household-stranger@coop.example";
    await saveHousehold(primary.cookie, [{ name: "Mistyped Person", email: stranger }]);
    const { path } = await invitationLink(stranger);

    const decline = await scrapeForm(path, "", hasField("token"));
    expect(await callAction(path, decline, "")).toMatchObject({ ok: true });
    expect(memberRow(primary.ownerId, stranger)).toBeUndefined();
    expect(await mainText(path)).toMatch(/no longer|does not work|expired/i);
  });

  it("refuses an expired invitation, and the owner sees that it expired", async () => {
    const primary = await newOwnership("household-host3@coop.example", "Hugo Host");
    const late = "household-late@coop.example";
    await saveHousehold(primary.cookie, [{ name: "Lena Late", email: late }]);
    writePortalDb((db) => db.prepare("update owner_household_members set invite_expires_at = ? where email = ?").run(Date.now() - 1000, late));

    const lena = storedSessionCookie(late);
    expect(await mainText("/account", lena)).not.toMatch(/invited you/i);
    expect(await mainText("/account", primary.cookie)).toMatch(/Lena Late.*expired/i);
    expect(memberRow(primary.ownerId, late)).toMatchObject({ joinedAt: null });
  });

  it("lets a member leave from /account, and staff remove a member from the owner's page, both audited", async () => {
    const primary = await newOwnership("household-host4@coop.example", "Hilda Host");
    const leaver = "household-leaver@coop.example";
    const removed = "household-removed@coop.example";
    await saveHousehold(primary.cookie, [
      { name: "Leo Leaver", email: leaver },
      { name: "Rae Removed", email: removed },
    ]);
    for (const email of [leaver, removed]) {
      const cookie = storedSessionCookie(email);
      expect(await callAction("/account", await scrapeForm("/account", cookie, hasField("invitationId")), cookie)).toMatchObject({ ok: true });
    }

    const leo = storedSessionCookie(leaver);
    const leave = await scrapeForm("/account", leo, hasField("confirmLeave"));
    expect(await callAction("/account", { ...leave, confirmLeave: "on" }, leo)).toMatchObject({ ok: true });
    expect(memberRow(primary.ownerId, leaver)).toBeUndefined();
    expect(await mainText("/account", leo)).not.toContain("Owner no.");

    const ownerPage = `/staff/owners/${primary.ownerId}`;
    const remove = await scrapeForm(ownerPage, staff, hasField("memberId", String(memberRow(primary.ownerId, removed)!.id)));
    expect(await callAction(ownerPage, remove, storedSessionCookie(removed))).toMatchObject({ ok: false });
    expect(await callAction(ownerPage, remove, staff)).toMatchObject({ ok: true });
    expect(memberRow(primary.ownerId, removed)).toBeUndefined();
    expect(await mainText("/account", storedSessionCookie(removed))).not.toContain("Owner no.");
    const audited = readPortalDb((db) =>
      db.prepare("select action from audit_log where subject_id = ? and action like 'owner.household_%' order by id").pluck().all(String(primary.ownerId)),
    );
    expect(audited).toEqual(expect.arrayContaining(["owner.household_leave", "owner.household_remove"]));
  });

  it("refuses to let someone already in an ownership accept a second one", async () => {
    const primary = await newOwnership("household-host5@coop.example", "Homer Host");
    expect(await saveHousehold(primary.cookie, [{ name: "Demo Owner", email: "owner@coop.example" }])).toMatchObject({ ok: true });
    const demoOwner = storedSessionCookie("owner@coop.example");
    const accept = await scrapeForm("/account", demoOwner, hasField("invitationId"));
    expect(await callAction("/account", accept, demoOwner)).toMatchObject({ ok: false, message: expect.stringMatching(/already (belong|part)/i) });
    expect(memberRow(primary.ownerId, "owner@coop.example")).toMatchObject({ joinedAt: null });
  });
});

describe("no form tells who is an owner", () => {
  it("the application answers alike for a free address, an owner's and one already waiting; each learns by email", async () => {
    const free = "who-free@coop.example";
    const waiting = "who-waiting@coop.example";
    expect(await submitApplication(applicationFields(waiting))).toEqual(thanks);
    const applications = () => scalar("select count(*) from owner_applications");
    const before = applications();

    const answers = [];
    for (const email of [free, "owner@coop.example", waiting, "household@coop.example"]) answers.push(await submitApplication(applicationFields(email)));

    expect(answers).toEqual([thanks, thanks, thanks, thanks]);
    expect(applications()).toBe(before + 1);
    expect((await waitForEmail("owner@coop.example", (mail) => /already has an ownership/i.test(mail.text))).text).toContain("/login");
    expect((await waitForEmail("household@coop.example", (mail) => /already has an ownership/i.test(mail.text))).text).toContain("/login");
    await waitForEmail(waiting, (mail) => /already waiting/i.test(mail.subject));
    await waitForEmail(free, (mail) => mail.subject.includes("owner application"));
  });

  it("the application answers alike whoever its household addresses belong to", async () => {
    const answers = [];
    for (const [applicant, member] of [
      ["who-household-a@coop.example", "who-nobody@coop.example"],
      ["who-household-b@coop.example", "household@coop.example"],
      ["who-household-c@coop.example", "who-waiting@coop.example"],
    ]) {
      answers.push(await submitApplication(applicationFields(applicant!, { "household.0.name": "Someone", "household.0.email": member })));
    }
    expect(answers).toEqual([thanks, thanks, thanks]);
  });

  it("the household editor answers alike for a free address and one that belongs to another ownership", async () => {
    const primary = await newOwnership("who-editor@coop.example", "Edith Editor");
    const first = await saveHousehold(primary.cookie, [{ name: "Nobody Yet", email: "who-editor-free@coop.example" }]);
    const second = await saveHousehold(primary.cookie, [
      { name: "Nobody Yet", email: "who-editor-free@coop.example" },
      { name: "Someone Owned", email: "household@coop.example" },
    ]);
    expect(second).toEqual(first);
    const page = await mainText("/account", primary.cookie);
    expect(page).toMatch(/Nobody Yet.*invited/i);
    expect(page).toMatch(/Someone Owned.*invited/i);
  });
});
