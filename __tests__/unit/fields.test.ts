import { day, line, noFileChosen, rowId, text } from "@/lib/validations/fields";

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

describe("a file input left empty", () => {
  it("is no file, whether the browser posted it (named \"\") or a server action's script did (named \"undefined\")", () => {
    expect(noFileChosen(new File([], ""))).toBe(true);
    expect(noFileChosen(new File([], "undefined"))).toBe(true);
  });

  it("is not to be confused with a chosen file, even an empty one, or with text", () => {
    expect(noFileChosen(new File([], "cv.pdf"))).toBe(false);
    expect(noFileChosen(new File(["x"], "undefined"))).toBe(false);
    expect(noFileChosen("")).toBe(false);
  });
});

describe("text typed into a field", () => {
  it.each(["a\u0000b", "\u0000", "title\u0007", "x\u001by", "del\u007f"])("refuses %j, which holds a control character, at the field", (value) => {
    expect(line(100).safeParse(value).error?.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/^Remove the invisible control characters/)]);
  });

  it("keeps tabs and line breaks, and trims the ends", () => {
    expect(text(100).parse("  one\ttwo\r\nthree\n ")).toBe("one\ttwo\r\nthree");
  });
});

describe("a row id posted by a form", () => {
  it("is plain digits", () => {
    expect(rowId.parse("16")).toBe(16);
  });

  it.each(["0x10", "1e3", " 16", "16.0", "0", "-1", "", "99999999999999", true, null])("refuses %j", (value) => {
    expect(rowId.safeParse(value).error?.issues.map((issue) => issue.message)).toEqual(["Missing record."]);
  });
});
