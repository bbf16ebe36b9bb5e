import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { db } from "../index";
import { settings } from "../schema";
import type { Executor } from "./executor";

/** The rows of `settings`: one JSON value each, read through its own schema. */
export type SettingKey = "site" | "jobs" | "equity-plans";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A setting in force: the stored value read over the defaults, so that a field added by a
 * later release shows its default until an admin sets it (a list is taken whole: it has no
 * fields to fill in). A stored value that no longer validates gives the defaults for the
 * whole setting rather than breaking every page that reads it; so does a missing row.
 */
export function readSetting<Schema extends z.ZodType>(key: SettingKey, schema: Schema, defaults: z.output<Schema>, executor: Executor = db): z.output<Schema> {
  const stored: unknown = executor.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
  const parsed = schema.safeParse(isRecord(defaults) && isRecord(stored) ? { ...defaults, ...stored } : stored);
  return parsed.success ? parsed.data : defaults;
}

/** Stores a setting's new value (checked by the caller's schema), with who changed it and when. */
export function saveSetting(executor: Executor, key: SettingKey, value: unknown, userId: string) {
  executor
    .insert(settings)
    .values({ key, value, updatedBy: userId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: userId, updatedAt: new Date() } })
    .run();
}
