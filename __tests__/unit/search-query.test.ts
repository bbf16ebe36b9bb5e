import { buildSnippet, markdownToPlainText, queryTokens, toMatchExpression } from "@/lib/model/monograph-search";

describe("toMatchExpression", () => {
  it("quotes every word and makes the last one a prefix", () => {
    expect(toMatchExpression("reconstructive therap", "all")).toBe('"reconstructive" "therap"*');
    expect(toMatchExpression("ginger tea", "any")).toBe('"ginger" OR "tea"*');
  });

  it("turns FTS syntax and SQL into plain words", () => {
    expect(toMatchExpression('title:ginger NEAR( "x" *', "all")).toBe('"title" "ginger" "near" "x"');
    expect(toMatchExpression("'; DROP TABLE monographs; --", "all")).toBe('"drop" "table" "monographs"*');
  });

  it("answers null when nothing searchable is left", () => {
    expect(toMatchExpression('"*()', "all")).toBeNull();
    expect(toMatchExpression("🌿", "all")).toBeNull();
  });

  it("does not make a one-letter word a prefix, and ignores text past 200 characters", () => {
    expect(toMatchExpression("vitamin d", "all")).toBe('"vitamin" "d"');
    expect(queryTokens("x".repeat(5000))).toEqual(["x".repeat(200)]);
  });
});

describe("buildSnippet", () => {
  const text =
    "Prolotherapy aims to strengthen the ligaments and tendons around a joint through a series of dextrose injections given weeks apart, with more text after it so the window ends early.";

  it("highlights the words that match, stems included", () => {
    const segments = buildSnippet(text, ["ligament", "injection"]);
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(["ligaments", "injections"]);
    expect(segments.map((s) => s.text).join("")).toContain("strengthen the ligaments and tendons");
  });

  it("starts at the text when nothing matches, and marks cut text with an ellipsis", () => {
    const segments = buildSnippet(text, ["zzz"], 5);
    expect(segments).toEqual([{ text: "Prolotherapy aims to strengthen the …", hit: false }]);
  });
});

describe("markdownToPlainText", () => {
  it("keeps the words of links and drops Markdown marks", () => {
    expect(markdownToPlainText("## Safety\n\n**Ask** a [pharmacist](https://coop.example) first.")).toBe("Safety Ask a pharmacist first.");
  });
});
