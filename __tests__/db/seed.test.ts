import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { pages, settings } from "@/db/schema";
import fs from "node:fs";
import { readSeedPages, seedDatabase, seedMonographsFolder } from "@/db/seed";

const seedMonographCount = fs.readdirSync(seedMonographsFolder).filter((name) => name.endsWith(".md")).length;

const contentPageSlugs = [
  "about",
  "about/flower-program",
  "about/top-10-reasons",
  "about/co-ops",
  "about/board",
  "about/global-ends-policy",
  "about/co-op-connections",
  "advertise",
  "visit",
  "owners",
];

const countRows = () => ({
  pages: db.select({ n: sql<number>`count(*)` }).from(pages).get()!.n,
  settings: db.select({ n: sql<number>`count(*)` }).from(settings).get()!.n,
});

describe("seedDatabase", () => {
  it("fills an empty database with the site settings and every content page", () => {
    const report = seedDatabase(db, { demo: true });
    expect(report).toEqual({ pagesAdded: contentPageSlugs.length, settingsAdded: 1, usersAdded: 3, monographsAdded: seedMonographCount });
    expect(seedMonographCount).toBeGreaterThanOrEqual(30);
    const slugs = db.select({ slug: pages.slug }).from(pages).all().map((row) => row.slug);
    expect(slugs.sort()).toEqual([...contentPageSlugs].sort());
  });

  it("adds nothing the second time, and keeps what staff changed", () => {
    db.update(pages).set({ title: "About us, edited" }).where(eq(pages.slug, "about")).run();
    const before = countRows();

    migrateDatabase(db);
    expect(seedDatabase(db, { demo: true })).toEqual({ pagesAdded: 0, settingsAdded: 0, usersAdded: 0, monographsAdded: 0 });

    expect(countRows()).toEqual(before);
    expect(db.select().from(pages).where(eq(pages.slug, "about")).get()!.title).toBe("About us, edited");
  });
});

describe("seed pages", () => {
  it("each has a title, a description and no first-level heading of its own", () => {
    for (const page of readSeedPages()) {
      expect(page.title.length).toBeGreaterThan(3);
      expect(page.description.length).toBeGreaterThan(20);
      expect(page.markdown).not.toMatch(/^# /m);
    }
  });
});
