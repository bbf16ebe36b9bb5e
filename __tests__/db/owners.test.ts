import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { approveOwnerApplication, declineOwnerApplication, getLatestApplicationByEmail, insertOwnerApplication } from "@/db/queries/owner-applications";
import { getOwnerNumberState, getOwnershipForUser, replaceHouseholdMembers, setNextOwnerNumber } from "@/db/queries/owners";
import { ownerApplications, ownerHouseholdMembers, owners, users } from "@/db/schema";
import { defaultEquityPlans } from "@/lib/owners/equity";
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
  db.transaction((tx) => approveOwnerApplication(tx, { applicationId, decidedBy: staff.id, joinedOn: "2026-11-26", firstPayment }), { behavior: "immediate" });

describe("owner applications", () => {
  it("are stored with their household, in order", () => {
    const id = submit(application("rosa@example.org", [{ name: "Sam", email: "sam@example.org" }, { name: "Ada" }]));
    expect(getLatestApplicationByEmail("rosa@example.org")).toMatchObject({ id, status: "submitted", flowerPrograms: ["snap"], signedOn: "2026-11-26" });
  });

  it("refuse a second pending application for the same address, writing nothing", () => {
    const before = count(ownerApplications);
    expect(() => submit(application("rosa@example.org"))).toThrow(expect.objectContaining({ code: "conflict", message: "application_pending" }));
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
  it("makes an owner with the next number, the applicant's account, the household's accounts and the first payment", () => {
    const id = getLatestApplicationByEmail("rosa@example.org")!.id;
    const { ownerId, ownerNumber } = approve(id, { amountCents: 2500, method: "cash" });
    expect(ownerNumber).toBe(1001);

    const rosa = db.select().from(users).where(eq(users.email, "rosa@example.org")).get()!;
    const sam = db.select().from(users).where(eq(users.email, "sam@example.org")).get()!;
    const ownership = getOwnershipForUser(db, rosa.id)!;
    expect(ownership).toMatchObject({ id: ownerId, ownerNumber: 1001, isPrimary: true, planId: "monthly", payments: [{ amountCents: 2500, paidOn: "2026-11-26", method: "cash" }] });
    expect(ownership).toMatchObject({ phone: "585-555-0134", streetAddress: "14 Park Ave", locality: "Rochester", region: "NY", postalCode: "14607" });
    expect(ownership.household.map((member) => member.name)).toEqual(["Sam", "Ada"]);
    expect(getOwnershipForUser(db, sam.id)).toMatchObject({ ownerNumber: 1001, isPrimary: false });
    expect(db.select().from(ownerHouseholdMembers).where(eq(ownerHouseholdMembers.name, "Ada")).get()!.userId).toBeNull();
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
      expect(() => submit(application(email))).toThrow(expect.objectContaining({ code: "conflict", message: "already_owner" }));
    }
  });

  it("lets admins move the next number forward, never onto one already given", () => {
    const highest = getOwnerNumberState(db).highest;
    expect(getOwnerNumberState(db)).toEqual({ next: highest + 1, highest });
    expect(() => db.transaction((tx) => setNextOwnerNumber(tx, highest))).toThrow(expect.objectContaining({ code: "conflict", message: "owner_number_taken" }));
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

  it("refuses an application that lists someone already in an ownership, at that member's email, writing nothing", () => {
    const before = count(ownerApplications);
    expect(() => submit(application("newcomer@example.org", [{ name: "Ada" }, { name: "Sam", email: "sam@example.org" }]))).toThrow(
      expect.objectContaining({ code: "conflict", message: "household_email_in_ownership", fieldErrors: { "household.1.email": ["sam@example.org"] } }),
    );
    expect(count(ownerApplications)).toBe(before);
  });

  it("keeps an owner from adding someone who is waiting on their own application", () => {
    submit(application("waiting@example.org"));
    const rosa = ownerOf("rosa@example.org")!;
    expect(() => db.transaction((tx) => replaceHouseholdMembers(tx, rosa.id, [{ name: "Sam", email: "sam@example.org" }, { name: "Wanda", email: "waiting@example.org" }]))).toThrow(
      expect.objectContaining({ code: "conflict", message: "email_has_pending_application", fieldErrors: { "household.1.email": ["waiting@example.org"] } }),
    );
    expect(ownerOf("rosa@example.org")!.household.map((member) => member.email)).toEqual(["sam@example.org", null]);
  });

  it("refuses an application that lists someone waiting on their own application, at that member's email", () => {
    submit(application("applied-first@example.org"));
    const before = count(ownerApplications);
    expect(() => submit(application("lists-them@example.org", [{ name: "Applied First", email: "applied-first@example.org" }]))).toThrow(
      expect.objectContaining({ code: "conflict", message: "household_email_has_pending_application", fieldErrors: { "household.0.email": ["applied-first@example.org"] } }),
    );
    expect(count(ownerApplications)).toBe(before);
  });

  it("adds household members who, since the application, joined an ownership or applied themselves by name only, and says so", () => {
    const shared = submit(application("shared@example.org", [{ name: "Moved", email: "moved@example.org" }, { name: "Waiting", email: "waiting-too@example.org" }]));
    approve(submit(application("moved@example.org")));
    const waiting = submit(application("waiting-too@example.org"));
    const { ownerId, membersWithoutSignIn } = approve(shared);
    expect(membersWithoutSignIn).toEqual(["Moved", "Waiting"]);
    expect(db.select().from(ownerHouseholdMembers).where(eq(ownerHouseholdMembers.ownerId, ownerId)).all()).toEqual([
      expect.objectContaining({ name: "Moved", email: null, userId: null }),
      expect.objectContaining({ name: "Waiting", email: null, userId: null }),
    ]);
    expect(ownerOf("moved@example.org")).toMatchObject({ isPrimary: true });
    // The one who was waiting can still be approved as an owner of their own.
    expect(approve(waiting).ownerNumber).toBeGreaterThan(0);
    expect(ownerOf("waiting-too@example.org")).toMatchObject({ isPrimary: true });
  });

  it("refuses to approve an applicant who is in a household by now (a row from before these rules), and takes no number", () => {
    const later = submit(application("later@example.org"));
    const first = ownerOf("shared@example.org")!;
    db.insert(ownerHouseholdMembers).values({ ownerId: first.id, name: "Later", email: "later@example.org" }).run();
    const { next } = getOwnerNumberState(db);
    expect(() => approve(later)).toThrow(expect.objectContaining({ code: "conflict", message: "applicant_in_ownership" }));
    expect(getOwnerNumberState(db).next).toBe(next);
    expect(getLatestApplicationByEmail("later@example.org")!.status).toBe("submitted");
  });

  it("is also a fact of the database: a second household row for one address is refused", () => {
    const rosa = ownerOf("rosa@example.org")!;
    const other = ownerOf("shared@example.org")!;
    expect(() => db.insert(ownerHouseholdMembers).values({ ownerId: other.id, name: "Sam again", email: "sam@example.org" }).run()).toThrow(
      expect.objectContaining({ code: "SQLITE_CONSTRAINT_UNIQUE" }),
    );
    expect(() => db.insert(owners).values({ ownerNumber: 9999, userId: rosa.userId, name: "Rosa twice", planId: "monthly", joinedOn: "2026-11-26" }).run()).toThrow(
      expect.objectContaining({ code: "SQLITE_CONSTRAINT_UNIQUE" }),
    );
  });
});
