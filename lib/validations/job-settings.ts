import "./zod-config";
import { z } from "zod";
import { groupedWholeNumber } from "./fields";

export const RETENTION_DAYS_MIN = 30;
export const RETENTION_DAYS_MAX = 3650;
export const RETENTION_DAYS_DEFAULT = 365;

const retentionError = `Give a whole number of days from ${RETENTION_DAYS_MIN} to ${RETENTION_DAYS_MAX.toLocaleString("en-US")}.`;

/** The jobs settings as stored (a JSON row in `settings`). */
export const jobSettingsSchema = z.object({
  /** Applications are deleted this many days after their posting closed. */
  retentionDays: z.number().int().min(RETENTION_DAYS_MIN).max(RETENTION_DAYS_MAX),
});

export type JobSettings = z.output<typeof jobSettingsSchema>;

export const defaultJobSettings: JobSettings = { retentionDays: RETENTION_DAYS_DEFAULT };

/** The jobs settings form: the number of days as typed ("365" or "1,000"). */
export const jobSettingsFormSchema = z.object({
  retentionDays: z
    .string({ error: (issue) => (issue.input === undefined ? "Required." : undefined) })
    .trim()
    .regex(groupedWholeNumber, { error: retentionError })
    .transform((value) => Number(value.replaceAll(",", "")))
    .pipe(z.number().int().min(RETENTION_DAYS_MIN, { error: retentionError }).max(RETENTION_DAYS_MAX, { error: retentionError })),
});
