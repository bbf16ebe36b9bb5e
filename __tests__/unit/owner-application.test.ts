import { HOUSEHOLD_MAX } from "@/lib/model/owners";
import { ownerApplicationFormSchema } from "@/lib/validations/owners";

const schema = ownerApplicationFormSchema(["full", "monthly"]);

const valid: Record<string, string> = {
  "applicant.name": "Rosa Alvarez",
  "applicant.email": "Rosa@Example.org ",
  "applicant.phone": "(585) 555-0134",
  "applicant.streetAddress": "14 Park Ave",
  "applicant.locality": "Rochester",
  "applicant.region": "NY",
  "applicant.postalCode": "14607",
  "household.0.name": "Sam Alvarez",
  "household.0.email": "sam@example.org",
  "household.1.name": "",
  "household.1.email": "",
  planId: "monthly",
  "flower.snap": "on",
  "agreement.bylaws": "on",
  "agreement.dataUse": "on",
  "agreement.signature": "Rosa Alvarez",
};

/** The first error of each field of a submission, keyed by dotted path as the form names its fields. */
function errorsOf(fields: Record<string, string>) {
  const result = schema.safeParse(fields);
  const errors: Record<string, string> = {};
  if (!result.success) for (const issue of result.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

const without = (name: string) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== name));

describe("the owner application", () => {
  it("accepts a complete application: email lowercased, blank household rows dropped, FLOWER programs listed", () => {
    const parsed = schema.parse(valid);
    expect(parsed.applicant.email).toBe("rosa@example.org");
    expect(parsed.household).toEqual([{ name: "Sam Alvarez", email: "sam@example.org" }]);
    expect(parsed.flower).toEqual(["snap"]);
    expect(parsed.agreement).toMatchObject({ bylaws: true, dataUse: true, signature: "Rosa Alvarez" });
  });

  it.each([
    ["an empty name", { "applicant.name": "  " }, "applicant.name", "Required."],
    ["a bad email", { "applicant.email": "rosa@" }, "applicant.email", "Enter an email address like name@example.com."],
    ["a bad phone", { "applicant.phone": "call me" }, "applicant.phone", "Use digits, spaces and + ( ) - only."],
    ["a short phone", { "applicant.phone": "555-0134" }, "applicant.phone", "Give the full number with area code."],
    ["a 5 kB name", { "applicant.name": "R".repeat(5000) }, "applicant.name", "At most 120 characters."],
    ["a bad ZIP code", { "applicant.postalCode": "1460" }, "applicant.postalCode", "Use a ZIP code like 14607 or 14607-1234."],
    ["an unknown plan", { planId: "free" }, "planId", "Choose one of the plans offered."],
    ["a household member's bad email", { "household.0.email": "sam" }, "household.0.email", "Enter an email address like name@example.com."],
    ["a household member with an email but no name", { "household.0.name": "" }, "household.0.name", "Required."],
  ])("refuses %s at its field", (_label, change, path, message) => {
    expect(errorsOf({ ...valid, ...change })).toEqual({ [path]: message });
  });

  it.each([
    ["agreement.bylaws", "Tick this box to agree to the bylaws."],
    ["agreement.dataUse", "Tick this box to let us keep these details for your ownership."],
    ["agreement.signature", "Required."],
    ["planId", "Choose how to pay your equity."],
  ])("refuses an application without %s", (name, message) => {
    expect(errorsOf(without(name))).toEqual({ [name]: message });
  });

  it(`refuses a household of ${HOUSEHOLD_MAX + 1} besides the applicant, at the household`, () => {
    const household = Object.fromEntries(
      Array.from({ length: HOUSEHOLD_MAX + 1 }, (_, index) => [`household.${index}.name`, `Member ${index + 1}`]),
    );
    expect(errorsOf({ ...without("household.0.email"), ...household })).toEqual({ household: `At most ${HOUSEHOLD_MAX} household members besides you.` });
  });

  it("ignores a row number far past the limit rather than building a huge list", () => {
    expect(schema.parse({ ...valid, "household.4294967294.name": "Nobody" }).household).toHaveLength(1);
  });

  it("takes no FLOWER programme it does not list", () => {
    expect(schema.parse({ ...valid, "flower.lottery": "on" }).flower).toEqual(["snap"]);
  });
});
