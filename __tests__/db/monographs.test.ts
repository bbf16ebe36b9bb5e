import { db } from "@/db";
import { saveMonograph, setMonographStatus } from "@/db/queries/monograph-writes";
import { getMonographBySlug, listAllMonographs, listCategoriesWithCounts, listPublishedMonographs } from "@/db/queries/monographs";
import { users } from "@/db/schema";
import { seedDatabase } from "@/db/cli/seed";

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
});

describe("the table of contents", () => {
  it("counts each category's published monographs, and a draft leaves its category's count", () => {
    const countsFromList = () => {
      const counts: Record<string, number> = {};
      for (const monograph of listPublishedMonographs()) counts[monograph.category] = (counts[monograph.category] ?? 0) + 1;
      return counts;
    };
    const countsOf = () => Object.fromEntries(listCategoriesWithCounts().map((category) => [category.slug, category.count]));
    const expected = countsFromList();
    expect(new Set(Object.values(expected)).size).toBeGreaterThan(1); // the seed's categories differ in size
    expect(countsOf()).toMatchObject(expected);

    const editor = db.insert(users).values({ email: "toc-editor@coop.example", role: "staff" }).returning().get();
    const ginger = getMonographBySlug("ginger")!;
    setMonographStatus(db, ginger.id, "draft", editor.id);
    expect(countsOf()[ginger.category]).toBe(expected[ginger.category]! - 1);
  });
});

describe("creating a monograph", () => {
  const thrownBy = (work: () => unknown) => {
    try {
      work();
    } catch (error) {
      return error;
    }
    throw new Error("expected an error, none was thrown");
  };

  it("refuses a slug another monograph has, with the code conflict, and changes nothing", () => {
    const ginger = getMonographBySlug("ginger", { includeDrafts: true })!;
    const { id, categoryName, updatedAt, ...input } = ginger;
    const countBefore = listAllMonographs().length;

    const error = thrownBy(() =>
      db.transaction((tx) => saveMonograph(tx, { ...input, title: "Ginger, written again", summary: "Replaced?", evidence: [] }), { behavior: "immediate" }),
    );

    expect(error).toMatchObject({ code: "conflict" });
    expect(getMonographBySlug("ginger", { includeDrafts: true })).toEqual(ginger);
    expect(listAllMonographs()).toHaveLength(countBefore);
  });
});
