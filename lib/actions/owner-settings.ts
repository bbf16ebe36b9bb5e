"use server";

import { refresh, updateTag } from "next/cache";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { getEquityPlans, saveEquityPlans } from "@/db/queries/owner-settings";
import { getOwnerNumberState, setNextOwnerNumber, type NextOwnerNumberRefusal } from "@/db/queries/owners";
import { cacheTags } from "@/lib/cache-tags";
import { AppError, explainRefusals } from "@/lib/model/errors";
import { equityPlansFormSchema, nextOwnerNumberSchema } from "@/lib/validations/owner-settings";
import { defineAction } from "./safe-action";

/** Admins: replaces the equity plans new applicants choose from; applications and owners keep the terms they signed up to. */
export const saveEquityPlansAction = defineAction({
  access: "admin",
  schema: equityPlansFormSchema,
  successMessage: "Plans saved. New applications offer them now.",
  run: (plans, actor) => {
    db.transaction(
      (tx) => {
        const before = getEquityPlans(tx);
        saveEquityPlans(tx, plans, actor.id);
        recordAudit(tx, actor, { action: "settings.equity_plans", subjectType: "settings", subjectId: "equity-plans", detail: { from: before, to: plans } });
      },
      { behavior: "immediate" },
    );
    // The application form at /owners/apply is prerendered from getCachedEquityPlans.
    updateTag(cacheTags.equityPlans);
    return null;
  },
});

/** The next-number form's refusal, with the numbers as they stand. */
const explainedNextNumber = (chosen: number, highest: number) =>
  explainRefusals<NextOwnerNumberRefusal>({
    owner_number_taken: () =>
      new AppError("conflict", "Nothing was changed: the next owner number must be above the highest already given.", {
        nextOwnerNumber: [`Owner number ${chosen} is not above the highest already given, ${highest}. Choose ${highest + 1} or higher.`],
      }),
  });

/** Admins: sets the number the next approved application gets; only above the highest owner number already given. */
export const setNextOwnerNumberAction = defineAction({
  access: "admin",
  schema: nextOwnerNumberSchema,
  successMessage: "Saved. The next approved application gets this owner number.",
  run: ({ nextOwnerNumber }, actor) => {
    db.transaction(
      (tx) => {
        const { next, highest } = getOwnerNumberState(tx);
        try {
          setNextOwnerNumber(tx, nextOwnerNumber);
        } catch (error) {
          throw explainedNextNumber(nextOwnerNumber, highest)(error);
        }
        recordAudit(tx, actor, { action: "owners.next_number", subjectType: "settings", subjectId: "owner-number", detail: { from: next, to: nextOwnerNumber } });
      },
      { behavior: "immediate" },
    );
    // Nothing public shows the number; the settings page re-reads it.
    refresh();
    return null;
  },
});
