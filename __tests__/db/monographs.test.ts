import { db } from "@/db";
import { getMonographBySlug, listCategoriesWithCounts, listPublishedMonographs, setMonographStatus } from "@/db/queries/monographs";
import { users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";

beforeAll(() => {
  seedDatabase(db, { demo: false });
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

    const editor = db.insert(users).values({ email: "toc-editor@example.coop", role: "staff" }).returning().get();
    const ginger = getMonographBySlug("ginger")!;
    setMonographStatus(db, ginger.id, "draft", editor.id);
    expect(countsOf()[ginger.category]).toBe(expected[ginger.category]! - 1);
  });
});
