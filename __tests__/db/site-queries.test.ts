import { eq } from "drizzle-orm";
import { db } from "@/db";
import { getPageBySlug, getSiteSettings } from "@/db/queries/site";
import { pages, settings } from "@/db/schema";
import { defaultSiteSettings } from "@/lib/model/site-settings";

describe("getSiteSettings", () => {
  it("gives the defaults on an empty database", () => {
    expect(getSiteSettings()).toEqual(defaultSiteSettings);
  });

  it("shows what an admin stored, over the defaults for fields not stored", () => {
    db.insert(settings).values({ key: "site", value: { coopName: "Renamed Co-op", phone: "585-555-0199" } }).run();
    const result = getSiteSettings();
    expect(result.coopName).toBe("Renamed Co-op");
    expect(result.phone).toBe("585-555-0199");
    expect(result.streetAddress).toBe(defaultSiteSettings.streetAddress);
  });

  it("falls back to the defaults rather than failing when a stored value no longer validates", () => {
    db.update(settings).set({ value: { email: "not an email" } }).where(eq(settings.key, "site")).run();
    expect(getSiteSettings()).toEqual(defaultSiteSettings);
  });
});

describe("getPageBySlug", () => {
  it("finds a stored page and answers null for an unknown slug", () => {
    db.insert(pages).values({ slug: "about/test", title: "Test", markdown: "Hello" }).run();
    expect(getPageBySlug("about/test")?.title).toBe("Test");
    expect(getPageBySlug("about/missing")).toBeNull();
  });
});

describe("the schema", () => {
  it("refuses a role that is not member, staff or admin", () => {
    expect(() =>
      db.$client.prepare("insert into users (id, email, role, created_at) values ('u1', 'a@coop.example', 'owner', 0)").run(),
    ).toThrow(expect.objectContaining({ code: "SQLITE_CONSTRAINT_CHECK" }));
  });
});
