import "server-only";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/model/errors";
import { defaultSiteSettings } from "@/lib/model/site-settings";
import { siteSettingsSchema, type SiteSettings } from "@/lib/validations/site";
import { db } from "../index";
import { pages } from "../schema";
import type { Executor } from "./executor";
import { readSetting, saveSetting } from "./settings";

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

/** The co-op's facts in force: the stored ones over the defaults (see readSetting). */
export function getSiteSettings(): SiteSettings {
  return readSetting("site", siteSettingsSchema, defaultSiteSettings);
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
  saveSetting(executor, "site", value, userId);
}
