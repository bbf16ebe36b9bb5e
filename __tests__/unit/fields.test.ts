import { day } from "@/lib/validations/fields";

const messageOf = (value: unknown) => {
  const result = day.safeParse(value);
  return result.success ? null : result.error.issues.map((issue) => issue.message);
};

describe("a calendar day typed into a date field", () => {
  it.each(["2026-02-28", "2028-02-29", "2026-12-31"])("accepts %s", (value) => {
    expect(messageOf(value)).toBeNull();
  });

  // Month 13 or day 32 make an invalid Date: once, its toISOString threw and the action answered "something went wrong".
  it.each(["2026-02-30", "2026-02-29", "2026-12-32", "2026-13-45", "2026-00-10", "2026-04-31"])("says %s does not exist, as a field error", (value) => {
    expect(messageOf(value)).toEqual(["That day does not exist."]);
  });

  it.each(["1/12/2026", "2026-1-5", "tomorrow", ""])("asks for the form of a date when given %p", (value) => {
    expect(messageOf(value)).toEqual(["Give a date like 2026-12-01."]);
  });

  it("calls a missing field required", () => {
    expect(messageOf(undefined)).toEqual(["Required."]);
  });
});
