import "server-only";
import { defaultJobSettings } from "@/lib/model/jobs";
import { jobSettingsSchema, type JobSettings } from "@/lib/validations/job-settings";
import { db } from "../index";
import type { Executor } from "./executor";
import { readSetting, saveSetting } from "./settings";

/** The jobs settings in force: the stored ones, or the defaults until an admin saves some. */
export function getJobSettings(executor: Executor = db): JobSettings {
  return readSetting("jobs", jobSettingsSchema, defaultJobSettings, executor);
}

export function saveJobSettings(executor: Executor, value: JobSettings, userId: string) {
  saveSetting(executor, "jobs", value, userId);
}
