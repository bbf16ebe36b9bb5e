"use server";

import { refresh } from "next/cache";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { getJobSettings, saveJobSettings } from "@/db/queries/job-settings";
import { jobSettingsFormSchema } from "@/lib/validations/job-settings";
import { defineAction } from "./safe-action";

/** Admins: how long job applications are kept after their posting closed; the next retention run applies it. Audited. */
export const saveJobSettingsAction = defineAction({
  access: "admin",
  schema: jobSettingsFormSchema,
  successMessage: "Saved. Applications are deleted on this schedule from the next daily maintenance run.",
  run: (input, actor) => {
    db.transaction(
      (tx) => {
        const before = getJobSettings(tx);
        saveJobSettings(tx, input, actor.id);
        recordAudit(tx, actor, { action: "settings.jobs", subjectType: "settings", subjectId: "jobs", detail: { from: before, to: input } });
      },
      { behavior: "immediate" },
    );
    // Nothing public shows it; the settings page re-reads it.
    refresh();
    return null;
  },
});
