import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { approveOwnerApplication, declineOwnerApplication, getLatestApplicationByEmail, insertOwnerApplication } from "@/db/queries/owner-applications";
import { acceptHouseholdInvitation, deleteLapsedInvitations, listOpenInvitationsForEmail, saveHouseholdMembers } from "@/db/queries/owner-households";
import { getOwnerNumberState, getOwnershipForUser, setNextOwnerNumber } from "@/db/queries/owners";
import { ensureUserByEmail } from "@/db/queries/users";
import { deleteLapsedHouseholdInvitations, queueInvitationEmails, sealInvitation } from "@/lib/owners/household-invitations";
import { emailOutbox, ownerApplications, ownerHouseholdMembers, owners, users } from "@/db/schema";
import { defaultEquityPlans } from "@/lib/model/equity";
import { ownerApplicationSchema, type OwnerApplicationInput } from "@/lib/validations/owners";

const schema = ownerApplicationSchema(["full", "monthly"]);
const application = (email: string, household: { name: string; email?: string }[] = []): OwnerApplicationInput =>
  schema.parse({
    applicant: { name: `Applicant ${email}`, email, phone: "585-555-0134", streetAddress: "14 Park Ave", locality: "Rochester", region: "NY", postalCode: "14607" },
    household,
    planId: "monthly",
    flower: { snap: "on" },
    agreement: { bylaws: "on", dataUse: "on", signature: `Applicant ${email}` },
  });

const staff = db.insert(users).values({ email: "owners-staff@coop.example", role: "staff" }).returning().get();
const count = (table: typeof ownerApplications | typeof owners) => db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;
const submit = (input: OwnerApplicationInput) => db.transaction((tx) => insertOwnerApplication(tx, input, { plan: defaultEquityPlans[1]!, signedOn: "2026-11-26" }), { behavior: "immediate" });
const approve = (applicationId: number, firstPayment?: { amountCents: number; method: "cash" }) =>
  db.transaction((tx) => approveOwnerApplication(tx, { applicationId, decidedBy: staff.id, joinedOn: "2026-11-26", firstPayment, seal: () => sealInvitation(new Date()) }), {
    behavior: "immediate",
  });
/** The person behind an address (an account made if needed) accepts the invitation open to it. */
const acceptAs = (email: string, now = new Date()) =>
  db.transaction(
    (tx) => {
      const person = { id: ensureUserByEmail(tx, email, email), email };
      const [invitation] = listOpenInvitationsForEmail(tx, email, now);
      return acceptHouseholdInvitation(tx, invitation!.id, person, now);
    },
    { behavior: "immediate" },
  );

describe("owner applications", () => {
  it("are stored with their household, in order", () => {
    const id = submit(application("rosa@example.org", [{ name: "Sam", email: "sam@example.org" }, { name: "Ada" }]));
    expect(getLatestApplicationByEmail("rosa@example.org")).toMatchObject({ id, status: "submitted", flowerPrograms: ["snap"], signedOn: "2026-11-26" });
  });

  it("refuse a second pending application for the same address, writing nothing", () => {
    const before = count(ownerApplications);
    expect(() => submit(application("rosa@example.org"))).toThrow(expect.objectContaining({ code: "conflict", reason: "application_pending" }));
    expect(count(ownerApplications)).toBe(before);
  });

  it("need a reason to be declined, and can then be made again", () => {
    const id = submit(application("lee@example.org"));
    expect(() => db.update(ownerApplications).set({ status: "declined" }).where(eq(ownerApplications.id, id)).run()).toThrow(/CHECK constraint/);
    db.transaction((tx) => declineOwnerApplication(tx, id, "We could not reach you by phone.", staff.id));
    expect(getLatestApplicationByEmail("lee@example.org")).toMatchObject({ status: "declined", declineReason: "We could not reach you by phone." });
    expect(() => db.transaction((tx) => declineOwnerApplication(tx, id, "again", staff.id))).toThrow(expect.objectContaining({ code: "conflict" }));
    expect(submit(application("lee@example.org"))).toBeGreaterThan(id);
  });
});

describe("approving an application", () => {
  it("makes an owner with the next number, the applicant's account and the first payment, and invites the household without linking anyone", () => {
    const id = getLatestApplicationByEmail("rosa@example.org")!.id;
    const { ownerId, ownerNumber, invitations } = approve(id, { amountCents: 2500, method: "cash" });
    expect(ownerNumber).toBe(1001);
    expect(invitations).toEqual([expect.objectContaining({ name: "Sam", email: "sam@example.org", token: expect.stringMatching(/^[0-9a-f]{64}$/) })]);

    const rosa = db.select().from(users).where(eq(users.email, "rosa@example.org")).get()!;
    const ownership = getOwnershipForUser(db, rosa.id)!;
    expect(ownership).toMatchObject({ id: ownerId, ownerNumber: 1001, isPrimary: true, planId: "monthly", payments: [{ amountCents: 2500, paidOn: "2026-11-26", method: "cash" }] });
    expect(ownership).toMatchObject({ phone: "585-555-0134", streetAddress: "14 Park Ave", locality: "Rochester", region: "NY", postalCode: "14607" });
    expect(ownership.household.map((member) => [member.name, member.status])).toEqual([
      ["Sam", "invited"],
      ["Ada", "name_only"],
    ]);
    expect(db.select().from(users).where(eq(users.email, "sam@example.org")).get()).toBeUndefined();
    // The token itself is never stored, only its hash.
    expect(JSON.stringify(db.select().from(ownerHouseholdMembers).all())).not.toContain(invitations[0]!.token);

    acceptAs("sam@example.org");
    const sam = db.select().from(users).where(eq(users.email, "sam@example.org")).get()!;
    expect(getOwnershipForUser(db, sam.id)).toMatchObject({ ownerNumber: 1001, isPrimary: false });
  });

  it("only once: a second approval is refused and takes no number", () => {
    const id = getLatestApplicationByEmail("rosa@example.org")!.id;
    expect(() => approve(id)).toThrow(expect.objectContaining({ code: "conflict" }));
    expect(approve(submit(application("next@example.org"))).ownerNumber).toBe(1002);
  });

  it("gives consecutive numbers with no gaps or repeats, a refused approval in between", () => {
    const ids = Array.from({ length: 20 }, (_, n) => submit(application(`batch-${n}@example.org`)));
    const numbers = ids.map((id, n) => {
      if (n === 10) expect(() => approve(ids[0]!)).toThrow();
      return approve(id).ownerNumber;
    });
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, n) => 1003 + n));
  });

  it("tells an address that already belongs to an ownership so, as owner or household member", () => {
    for (const email of ["rosa@example.org", "sam@example.org"]) {
      expect(() => submit(application(email))).toThrow(expect.objectContaining({ code: "conflict", reason: "already_owner" }));
    }
  });

  it("lets admins move the next number forward, never onto one already given", () => {
    const highest = getOwnerNumberState(db).highest;
    expect(getOwnerNumberState(db)).toEqual({ next: highest + 1, highest });
    expect(() => db.transaction((tx) => setNextOwnerNumber(tx, highest))).toThrow(expect.objectContaining({ code: "conflict", reason: "owner_number_taken" }));
    expect(() => db.transaction((tx) => setNextOwnerNumber(tx, 1010))).toThrow(expect.objectContaining({ code: "conflict" }));
    db.transaction((tx) => setNextOwnerNumber(tx, 2000));
    expect(getOwnerNumberState(db)).toEqual({ next: 2000, highest });
    expect(approve(submit(application("after-move@example.org"))).ownerNumber).toBe(2000);
  });
});

describe("one person, one household", () => {
  const ownerOf = (email: string) => {
    const user = db.select().from(users).where(eq(users.email, email)).get();
    return user ? getOwnershipForUser(db, user.id) : null;
  };
  const saveHousehold = (ownerId: number, members: { name: string; email?: string }[], now = new Date()) =>
    db.transaction((tx) => saveHouseholdMembers(tx, ownerId, members, () => sealInvitation(now), now), { behavior: "immediate" });

  it("stores an application whoever its household addresses belong to: they are only invited, later", () => {
    expect(submit(application("newcomer@example.org", [{ name: "Ada" }, { name: "Sam", email: "sam@example.org" }]))).toBeGreaterThan(0);
  });

  it("lets two ownerships invite one address, but the person can accept only one", () => {
    const rosa = ownerOf("rosa@example.org")!;
    const other = approve(submit(application("other-owner@example.org"))).ownerId;
    expect(saveHousehold(rosa.id, [{ name: "Sam", email: "sam@example.org" }, { name: "Wanda", email: "wanda@example.org" }]).invitations.map((invitation) => invitation.email)).toEqual([
      "wanda@example.org",
    ]);
    expect(saveHousehold(other, [{ name: "Wanda", email: "wanda@example.org" }]).invitations).toHaveLength(1);
    expect(listOpenInvitationsForEmail(db, "wanda@example.org", new Date())).toHaveLength(2);

    acceptAs("wanda@example.org");
    const second = listOpenInvitationsForEmail(db, "wanda@example.org", new Date())[0]!;
    const wanda = { id: ensureUserByEmail(db, "wanda@example.org", "Wanda"), email: "wanda@example.org" };
    expect(() => db.transaction((tx) => acceptHouseholdInvitation(tx, second.id, wanda, new Date()))).toThrow(
      expect.objectContaining({ code: "conflict", reason: "already_in_ownership" }),
    );
  });

  it("refuses an invitation to anyone but the address it was sent to, and one that lapsed", () => {
    const rosa = ownerOf("rosa@example.org")!;
    const sent = new Date("2026-11-01T12:00:00Z");
    saveHousehold(rosa.id, [{ name: "Sam", email: "sam@example.org" }, { name: "Wanda", email: "wanda@example.org" }, { name: "Lapsed", email: "lapsed@example.org" }], sent);
    const [invitation] = listOpenInvitationsForEmail(db, "lapsed@example.org", sent);
    const stranger = { id: ensureUserByEmail(db, "stranger@example.org", "Stranger"), email: "stranger@example.org" };
    expect(() => db.transaction((tx) => acceptHouseholdInvitation(tx, invitation!.id, stranger, sent))).toThrow(expect.objectContaining({ reason: "invitation_not_open" }));
    const lapsedPerson = { id: ensureUserByEmail(db, "lapsed@example.org", "Lapsed"), email: "lapsed@example.org" };
    const fifteenDaysLater = new Date(sent.getTime() + 15 * 86_400_000);
    expect(() => db.transaction((tx) => acceptHouseholdInvitation(tx, invitation!.id, lapsedPerson, fifteenDaysLater))).toThrow(
      expect.objectContaining({ reason: "invitation_not_open" }),
    );
    expect(getOwnershipForUser(db, rosa.userId, fifteenDaysLater)!.household.find((member) => member.name === "Lapsed")!.status).toBe("invitation_expired");
  });

  it("sends a lapsed invitation again when the owner saves the household, and maintenance removes one left lapsed", () => {
    const rosa = ownerOf("rosa@example.org")!;
    const later = new Date(Date.now() + 20 * 86_400_000);
    const members = getOwnershipForUser(db, rosa.userId)!.household.map((member) => ({ name: member.name, email: member.email ?? undefined }));
    expect(saveHousehold(rosa.id, members, later).invitations.map((invitation) => invitation.email)).toEqual(["lapsed@example.org"]);
    const emails = () => getOwnershipForUser(db, rosa.userId)!.household.map((member) => member.email);
    deleteLapsedInvitations(db, new Date(later.getTime() + 13 * 86_400_000));
    expect(emails()).toContain("lapsed@example.org");
    expect(deleteLapsedInvitations(db, new Date(later.getTime() + 15 * 86_400_000)).length).toBeGreaterThan(0);
    expect(emails()).not.toContain("lapsed@example.org");
    expect(emails()).toContain("wanda@example.org");
  });

  it("maintenance removes an invitation left lapsed past its grace period, with its email", () => {
    const rosa = ownerOf("rosa@example.org")!;
    const sent = new Date("2026-10-01T12:00:00Z");
    const members = [...getOwnershipForUser(db, rosa.userId)!.household.map((member) => ({ name: member.name, email: member.email ?? undefined })), { name: "Gone", email: "gone@example.org" }];
    db.transaction(
      (tx) => {
        const { invitations } = saveHouseholdMembers(tx, rosa.id, members, () => sealInvitation(sent), sent);
        queueInvitationEmails(tx, invitations, "Rosa");
      },
      { behavior: "immediate" },
    );
    const mailTo = () => db.select().from(emailOutbox).where(eq(emailOutbox.to, "gone@example.org")).all();
    expect(mailTo()).toHaveLength(1);
    expect(deleteLapsedHouseholdInvitations(db, new Date(sent.getTime() + 40 * 86_400_000))).toBe(0);
    expect(deleteLapsedHouseholdInvitations(db, new Date(sent.getTime() + 45 * 86_400_000))).toBeGreaterThan(0);
    expect(getOwnershipForUser(db, rosa.userId)!.household.map((member) => member.email)).not.toContain("gone@example.org");
    expect(mailTo()).toEqual([]);
  });

  it("refuses to approve an applicant who joined a household meanwhile, and takes no number", () => {
    const later = submit(application("later@example.org"));
    saveHousehold(ownerOf("rosa@example.org")!.id, [{ name: "Sam", email: "sam@example.org" }, { name: "Later", email: "later@example.org" }]);
    acceptAs("later@example.org");
    const { next } = getOwnerNumberState(db);
    expect(() => approve(later)).toThrow(expect.objectContaining({ code: "conflict", reason: "applicant_in_ownership" }));
    expect(getOwnerNumberState(db).next).toBe(next);
    expect(getLatestApplicationByEmail("later@example.org")!.status).toBe("submitted");
  });

  it("is also a fact of the database: a second joined household row for one address is refused", () => {
    const rosa = ownerOf("rosa@example.org")!;
    const other = ownerOf("other-owner@example.org")!;
    expect(() => db.insert(ownerHouseholdMembers).values({ ownerId: other.id, name: "Sam again", email: "sam@example.org", joinedAt: new Date() }).run()).toThrow(
      expect.objectContaining({ code: "SQLITE_CONSTRAINT_UNIQUE" }),
    );
    expect(() => db.insert(owners).values({ ownerNumber: 9999, userId: rosa.userId, name: "Rosa twice", planId: "monthly", joinedOn: "2026-11-26" }).run()).toThrow(
      expect.objectContaining({ code: "SQLITE_CONSTRAINT_UNIQUE" }),
    );
  });
});
