import "server-only";
import { eq } from "drizzle-orm";
import { siteSettingsSchema, type SiteSettings } from "@/lib/validations/site";
import { db } from "../index";
import { pages, settings } from "../schema";
import { defaultSiteSettings } from "../seed-data/site-settings";

export function getPageBySlug(slug: string) {
  return db.select().from(pages).where(eq(pages.slug, slug)).get() ?? null;
}

export function listPages() {
  return db
    .select({ slug: pages.slug, title: pages.title, updatedAt: pages.updatedAt })
    .from(pages)
    .orderBy(pages.slug)
    .all();
}

/**
 * The stored site settings over the defaults, so a field added by a later release shows
 * its default until an admin sets it. A stored value that no longer validates falls back
 * to the default for the whole record rather than breaking every page.
 */
export function getSiteSettings(): SiteSettings {
  const row = db.select().from(settings).where(eq(settings.key, "site")).get();
  const merged = { ...defaultSiteSettings, ...(row?.value as Partial<SiteSettings> | undefined) };
  const parsed = siteSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaultSiteSettings;
}

export function pingDatabase() {
  return db.$client.prepare("select 1 as ok").get() as { ok: number };
}
