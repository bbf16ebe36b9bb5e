import "server-only";
import { db } from "@/db";
import { recordAudit, type AuditActor } from "@/db/queries/audit";
import { deleteEmailsConcerning } from "@/db/queries/email-retention";
import { deletePendingApplicationByEmail } from "@/db/queries/owner-application-deletion";
import { getSiteSettings } from "@/db/queries/site";
import { removeOutboxFiles } from "@/lib/email/outbox-files";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/model/errors";
import { applicationWithdrawnEmail } from "./emails";

/**
 * The signed-in person withdraws their own application waiting for review: in one
 * IMMEDIATE transaction it is deleted with its household and every message about it
 * (even one not sent yet), a short confirmation is queued to their address, and the audit
 * log records only the application's id and how many messages went. Then the `.eml`
 * files. Staff who have it open are told it no longer exists. `not_found` when there is
 * nothing waiting (already decided, or never made).
 */
export function withdrawOwnApplication(actor: AuditActor) {
  const { coopName } = getSiteSettings();
  const messageIds = db.transaction(
    (tx) => {
      const id = deletePendingApplicationByEmail(tx, actor.email);
      if (id === null) throw new AppError("not_found", "You have no application waiting for review, so there is nothing to withdraw. Reload the page to see where things stand.");
      const messageIds = deleteEmailsConcerning(tx, "owner_application", [id]);
      queueEmail(tx, { to: actor.email, ...applicationWithdrawnEmail({ coopName, siteUrl: getEnv().siteUrl }) });
      recordAudit(tx, actor, { action: "owner_application.withdraw", subjectType: "owner_application", subjectId: String(id), detail: { emails: messageIds.length } });
      return messageIds;
    },
    { behavior: "immediate" },
  );
  removeOutboxFiles(messageIds);
  wakeEmailWorker();
}
