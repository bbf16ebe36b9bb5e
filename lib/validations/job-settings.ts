import "./zod-config";
import { z } from "zod";
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from "@/lib/model/jobs";
import { groupedWholeNumber } from "./fields";

const retentionError = `Give a whole number of days from ${RETENTION_DAYS_MIN} to ${RETENTION_DAYS_MAX.toLocaleString("en-US")}.`;

/** The jobs settings as stored (a JSON row in `settings`). */
export const jobSettingsSchema = z.object({
  /** Applications are deleted this many days after their posting closed. */
  retentionDays: z.number().int().min(RETENTION_DAYS_MIN).max(RETENTION_DAYS_MAX),
});

export type JobSettings = z.output<typeof jobSettingsSchema>;

/** The jobs settings form: the number of days as typed ("365" or "1,000"). */
export const jobSettingsFormSchema = z.object({
  retentionDays: z
    .string({ error: (issue) => (issue.input === undefined ? "Required." : undefined) })
    .trim()
    .regex(groupedWholeNumber, { error: retentionError })
    .transform((value) => Number(value.replaceAll(",", "")))
    .pipe(z.number().int().min(RETENTION_DAYS_MIN, { error: retentionError }).max(RETENTION_DAYS_MAX, { error: retentionError })),
});
