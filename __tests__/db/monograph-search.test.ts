import { db } from "@/db";
import { searchMonographs } from "@/db/queries/monograph-search";
import { deleteMonograph, saveMonograph, setMonographStatus } from "@/db/queries/monograph-writes";
import { getMonographBySlug } from "@/db/queries/monographs";
import { users } from "@/db/schema";
import { seedDatabase } from "@/db/cli/seed";

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

  it("falls back to any word when no monograph has every word", () => {
    expect(slugsFor("prolotherapy zzzunknownword")).toContain("prolotherapy");
  });

  it("marks the matched words in a snippet of plain text, Markdown removed", () => {
    const [hit] = searchMonographs("ligaments");
    expect(hit!.snippet.some((segment) => segment.hit && /ligament/i.test(segment.text))).toBe(true);
    expect(hit!.snippet.filter((segment) => !segment.hit).map((segment) => segment.text).join("")).not.toMatch(/ligament/i);
    expect(hit!.snippet.map((segment) => segment.text).join("")).not.toMatch(/\*\*|\]\(|^#/m);
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
    const { id, categoryName, updatedAt, ...input } = ginger;
    saveMonograph(db, { ...input, summary: "Rhizome of the Zingiberaceae family.", alsoListedAs: [], relatedTerms: [], sections: { ...input.sections, background: "Quixotically rewritten.", theoryEvidence: "", safety: "", practiceDosing: "", authorInformation: "" }, evidence: [] }, { id });
    expect(slugsFor("zingiberaceae")).toContain("ginger");
    expect(slugsFor("quixotically")).toContain("ginger");
    expect(slugsFor(ginger.sections.safety.split(/\s+/).find((word) => word.length > 9 && /^[a-z]+$/i.test(word)) ?? "nonexistent")).not.toContain("ginger");

    setMonographStatus(db, id, "draft", editor.id);
    expect(slugsFor("zingiberaceae")).not.toContain("ginger");
    setMonographStatus(db, id, "published", editor.id);
    expect(slugsFor("zingiberaceae")).toContain("ginger");

    deleteMonograph(db, id);
    expect(slugsFor("zingiberaceae")).toEqual([]);
    expect(getMonographBySlug("ginger", { includeDrafts: true })).toBeNull();
  });
});
