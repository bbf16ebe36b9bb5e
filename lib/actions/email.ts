"use server";

import { z } from "zod";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { requeueFailedEmail } from "@/db/queries/email";
import { wakeEmailWorker } from "@/lib/email/queue";
import { AppError } from "@/lib/model/errors";
import { rowId } from "@/lib/validations/fields";
import { defineAction } from "./safe-action";

/** Admins: puts a failed message back in the queue for a fresh round of attempts. */
export const retryEmailAction = defineAction({
  access: "admin",
  schema: z.object({ id: rowId }),
  successMessage: "Queued again; the worker is sending it now.",
  run: ({ id }, actor) => {
    db.transaction(
      (tx) => {
        if (!requeueFailedEmail(tx, id)) throw new AppError("conflict", "That message is not waiting for a retry (or its content has been removed, so it cannot go out again).");
        recordAudit(tx, actor, { action: "email.retry", subjectType: "email", subjectId: String(id) });
      },
      { behavior: "immediate" },
    );
    wakeEmailWorker();
    return null;
  },
});
