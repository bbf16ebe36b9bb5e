import "server-only";
import { eq } from "drizzle-orm";
import { defaultJobSettings, jobSettingsSchema, type JobSettings } from "@/lib/validations/job-settings";
import { db } from "../index";
import { settings } from "../schema";
import type { Executor } from "./executor";

const JOB_SETTINGS_KEY = "jobs";

/** The jobs settings in force: the stored ones, or the defaults until an admin saves some. */
export function getJobSettings(executor: Executor = db): JobSettings {
  const row = executor.select({ value: settings.value }).from(settings).where(eq(settings.key, JOB_SETTINGS_KEY)).get();
  const parsed = jobSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultJobSettings;
}

export function saveJobSettings(executor: Executor, value: JobSettings, userId: string) {
  executor
    .insert(settings)
    .values({ key: JOB_SETTINGS_KEY, value, updatedBy: userId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: userId, updatedAt: new Date() } })
    .run();
}
