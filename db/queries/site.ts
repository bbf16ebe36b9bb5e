import "server-only";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { siteSettingsSchema, type SiteSettings } from "@/lib/validations/site";
import { db } from "../index";
import { pages, settings } from "../schema";
import { defaultSiteSettings } from "../seed-data/site-settings";
import type { Executor } from "./executor";

export function getPageBySlug(slug: string) {
  return db.select().from(pages).where(eq(pages.slug, slug)).get() ?? null;
}

export function listPages() {
  return db
    .select({ slug: pages.slug, title: pages.title, updatedAt: pages.updatedAt, updatedBy: pages.updatedBy })
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

/** Saves a page's text; the slug never changes (links and bookmarks depend on it). */
export function updatePage(executor: Executor, slug: string, input: { title: string; description: string; markdown: string }, userId: string) {
  const before = executor.select({ title: pages.title }).from(pages).where(eq(pages.slug, slug)).get();
  if (!before) throw new AppError("not_found", "That page no longer exists.");
  executor
    .update(pages)
    .set({ ...input, updatedBy: userId, updatedAt: new Date() })
    .where(eq(pages.slug, slug))
    .run();
  return before;
}

export function saveSiteSettings(executor: Executor, value: SiteSettings, userId: string) {
  executor
    .insert(settings)
    .values({ key: "site", value, updatedBy: userId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: userId, updatedAt: new Date() } })
    .run();
}
