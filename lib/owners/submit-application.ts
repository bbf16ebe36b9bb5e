import "server-only";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { insertOwnerApplication, type ApplicationInsertRefusal } from "@/db/queries/owner-applications";
import { getEquityPlans } from "@/db/queries/owner-settings";
import { getSiteSettings } from "@/db/queries/site";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { hasReasonIn, invalidFields } from "@/lib/model/errors";
import { consumePublicFormLimit } from "@/lib/rate-limits";
import { storeDay } from "@/lib/model/format";
import type { OwnerApplicationInput } from "@/lib/validations/owners";
import { applicationAddressHasOwnershipEmail, applicationAlreadyWaitingEmail, applicationForStaffEmail, applicationReceivedEmail } from "./emails";

/**
 * Stores an application, counts it against the sender's hourly limit, and queues the
 * applicant's and the staff's emails, all in one IMMEDIATE transaction: a failed
 * application leaves nothing behind, an accepted one is never without its mail.
 *
 * An address that already has an ownership, or an application waiting, gets the same
 * answer as any other (the caller shows the same page) and learns the rest by email: the
 * form cannot be used to find out who shops and owns here. Such a submission still counts
 * against the hourly limit. Answers the new application's id, or null when none was stored.
 */
export function submitOwnerApplication(input: OwnerApplicationInput, ip: string) {
  const plan = getEquityPlans().find((candidate) => candidate.id === input.planId);
  if (!plan) throw invalidFields({ planId: ["Choose one of the plans offered."] });
  const settings = getSiteSettings();
  const site = { coopName: settings.coopName, siteUrl: getEnv().siteUrl };
  const now = new Date();
  const applicationId = db.transaction(
    (tx) => {
      consumePublicFormLimit(
        tx,
        "owners:apply",
        ip,
        now,
        (minutes) => `Too many applications were sent from your connection. Please try again in ${minutes} minutes, or apply at the store.`,
      );
      const to = input.applicant.email;
      let id: number;
      try {
        id = insertOwnerApplication(tx, input, { plan, signedOn: storeDay(now) });
      } catch (error) {
        // Both refusals are decided before anything is written, so the limit's count stays.
        if (!hasReasonIn(error, addressNotices)) throw error;
        queueEmail(tx, { to, ...addressNotices[error.reason](site) });
        return null;
      }
      const concerns = { type: "owner_application", id } as const;
      queueEmail(tx, { to, ...applicationReceivedEmail(site, { name: input.applicant.name, planName: plan.name }), concerns });
      queueEmail(tx, { to: settings.staffNotificationEmail, ...applicationForStaffEmail(site, id), concerns });
      recordAudit(tx, null, { action: "owner_application.submit", subjectType: "owner_application", subjectId: String(id) });
      return id;
    },
    { behavior: "immediate" },
  );
  wakeEmailWorker();
  return applicationId;
}

/** What the address is told when the query layer refused to store its application. */
const addressNotices: Record<ApplicationInsertRefusal, typeof applicationAlreadyWaitingEmail> = {
  already_owner: applicationAddressHasOwnershipEmail,
  application_pending: applicationAlreadyWaitingEmail,
};
