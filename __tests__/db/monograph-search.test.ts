import { sql } from "drizzle-orm";
import { db } from "@/db";
import { searchMonographs } from "@/db/queries/monograph-search";
import { deleteMonograph, saveMonograph, setMonographStatus } from "@/db/queries/monograph-writes";
import { getMonographBySlug } from "@/db/queries/monographs";
import { users } from "@/db/schema";
import { seedDatabase } from "@/db/cli/seed";
import { toMatchExpression } from "@/lib/model/monograph-search";

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
});

const slugsFor = (query: string) => searchMonographs(query).map((hit) => hit.slug);

describe("searching the health library", () => {
  it('finds Prolotherapy first for its synonym "reconstructive therapy"', () => {
    expect(slugsFor("reconstructive therapy")[0]).toBe("prolotherapy");
  });

  it('finds Prolotherapy by the prefix "prolo", as someone types', () => {
    expect(slugsFor("prolo")[0]).toBe("prolotherapy");
  });

  it("finds Prolotherapy by a related term", () => {
    expect(slugsFor("dextrose injection")).toContain("prolotherapy");
    expect(slugsFor("ligaments")).toContain("prolotherapy");
  });

  it("ranks a title match above a passing mention in the body", () => {
    expect(slugsFor("acupuncture")[0]).toBe("acupuncture");
  });

  it.each(["the", "pain", "vitamin", "sleep tea", "reduce", "blood pressure"])(
    "orders the results for %j exactly as the index's own rank (bm25 weighted toward title and synonyms)",
    (query) => {
      const ranked = db
        .all<{ slug: string }>(sql`select m.slug from monographs_fts join monographs m on m.id = monographs_fts.rowid
          where monographs_fts match ${toMatchExpression(query, "all")} order by rank limit 20`)
        .map((row) => row.slug);
      expect(ranked.length).toBeGreaterThan(1);
      expect(slugsFor(query)).toEqual(ranked);
    },
  );

  it("falls back to any word when no monograph has every word", () => {
    expect(slugsFor("prolotherapy zzzunknownword")).toContain("prolotherapy");
  });

  it("marks the matched words in a snippet of plain text, Markdown removed", () => {
    const [hit] = searchMonographs("ligaments");
    expect(hit!.snippet.some((segment) => segment.hit && /ligament/i.test(segment.text))).toBe(true);
    expect(hit!.snippet.filter((segment) => !segment.hit).map((segment) => segment.text).join("")).not.toMatch(/ligament/i);
    expect(hit!.snippet.map((segment) => segment.text).join("")).not.toMatch(/\*\*|\]\(|^#/m);
  });

  it("shows the synonym that matched when the text does not hold the word", () => {
    const [hit] = searchMonographs("reconstructive");
    expect(hit!.slug).toBe("prolotherapy");
    expect(hit!.snippet[0]!.text).toMatch(/^Also listed as: /);
    expect(hit!.snippet.some((segment) => segment.hit && /^reconstructive$/i.test(segment.text))).toBe(true);
  });

  it("marks a word found only at the end of a long monograph, the snippet starting near it", () => {
    const ginger = getMonographBySlug("ginger")!;
    const { id, categoryName, updatedAt, ...input } = ginger;
    const filler = Array.from({ length: 4000 }, (_, index) => `filler${index}`).join(" ");
    saveMonograph(db, { ...input, slug: "long-read", title: "Long read", alsoListedAs: [], relatedTerms: [], summary: "A long one.", sections: { ...input.sections, background: filler, theoryEvidence: "", safety: "", practiceDosing: "The last word is xylocarpous." } });
    const [hit] = searchMonographs("xylocarpous");
    expect(hit!.slug).toBe("long-read");
    expect(hit!.snippet[0]!.text).toMatch(/^… filler3996 /);
    expect(hit!.snippet.filter((segment) => segment.hit).map((segment) => segment.text)).toEqual(["xylocarpous."]);
    deleteMonograph(db, getMonographBySlug("long-read", { includeDrafts: true })!.id);
  });

  it.each([
    ['"'],
    ["*"],
    ["NEAR("],
    ["title:"],
    ["AND OR NOT"],
    ["x".repeat(2048)],
    ["🌿🍄 ginger 🫚"],
    ["'; DROP TABLE monographs; --"],
    ["\u0000\u0001\u0002"],
    ["(((("],
    ["-ginger"],
    ["^ginger"],
    ["ginger OR"],
  ])("answers %j without an error, finding ginger when the query names it", (query) => {
    const slugs = () => searchMonographs(query).map((hit) => hit.slug);
    expect(slugs).not.toThrow();
    if (/ginger/.test(query)) expect(slugs()).toContain("ginger");
  });

  it("treats FTS syntax as plain words", () => {
    expect(slugsFor("title:ginger")).toContain("ginger");
    expect(slugsFor("🌿 ginger")).toContain("ginger");
  });
});

describe("search stays in step with edits", () => {
  it("finds an edited monograph by its new words and not its old ones; unpublished or deleted, it is gone", () => {
    const editor = db.insert(users).values({ email: "editor@coop.example", role: "staff" }).returning().get();
    const ginger = getMonographBySlug("ginger")!;
    expect(slugsFor("zingiberaceae")).not.toContain("ginger");
    // A word nothing but the safety section holds (not even inside a longer word), found
    // before the edit: its absence afterwards then says the old safety text left the index.
    const elsewhere = JSON.stringify({ ...ginger, sections: { ...ginger.sections, safety: "" } }).toLowerCase();
    const safetyWord = ginger.sections.safety.split(/\s+/).find((word) => word.length > 7 && /^[a-z]+$/i.test(word) && !elsewhere.includes(word.toLowerCase()));
    expect(safetyWord).toBeDefined();
    expect(slugsFor(safetyWord!)).toContain("ginger");
    const { id, categoryName, updatedAt, ...input } = ginger;
    saveMonograph(db, { ...input, summary: "Rhizome of the Zingiberaceae family.", alsoListedAs: [], relatedTerms: [], sections: { ...input.sections, background: "Quixotically rewritten.", theoryEvidence: "", safety: "", practiceDosing: "", authorInformation: "" }, evidence: [] }, { id });
    expect(slugsFor("zingiberaceae")).toContain("ginger");
    expect(slugsFor("quixotically")).toContain("ginger");
    expect(slugsFor(safetyWord!)).not.toContain("ginger");

    setMonographStatus(db, id, "draft", editor.id);
    expect(slugsFor("zingiberaceae")).not.toContain("ginger");
    setMonographStatus(db, id, "published", editor.id);
    expect(slugsFor("zingiberaceae")).toContain("ginger");

    deleteMonograph(db, id);
    expect(slugsFor("zingiberaceae")).toEqual([]);
    expect(getMonographBySlug("ginger", { includeDrafts: true })).toBeNull();
  });
});
