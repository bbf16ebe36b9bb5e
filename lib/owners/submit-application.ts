import "server-only";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { insertOwnerApplication } from "@/db/queries/owner-applications";
import { getEquityPlans } from "@/db/queries/owner-settings";
import { recordRateLimitHit } from "@/db/queries/rate-limits";
import { getSiteSettings } from "@/db/queries/site";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { consumePublicFormLimit, publicFormLimitKey } from "@/lib/rate-limits";
import { storeDay } from "@/lib/format";
import type { OwnerApplicationInput } from "@/lib/validations/owners";
import { applicationForStaffEmail, applicationReceivedEmail } from "./emails";


/** What each refusal of the query layer means to the person applying. */
const refusals: Record<string, { message: string; field: string }> = {
  application_pending: {
    message: "An application with this email address is already waiting for review. Sign in with it to follow that application.",
    field: "An application with this address is waiting for review.",
  },
  already_owner: {
    message: "This email address already belongs to an ownership. Sign in with it to see your owner number and equity.",
    field: "This address already belongs to an ownership.",
  },
};

/** Household members refused for being someone else's (one person, one household), at their email field. */
const householdRefusals: Record<string, string> = {
  household_email_in_ownership: "This address already belongs to an ownership, and each person can be in one household. Leave this email empty.",
  household_email_has_pending_application: "This person has applied to become an owner themselves, and each person can be in one household. Leave this email empty.",
};

/**
 * Stores an application, counts it against the sender's hourly limit, and queues the
 * applicant's and the staff's emails, all in one IMMEDIATE transaction: a refused or
 * failed application leaves nothing behind, an accepted one is never without its mail.
 * A refusal that says an address is taken still counts against the limit (in its own
 * transaction, after the rollback), so the form cannot be used to test address after
 * address for who is an owner.
 */
export function submitOwnerApplication(input: OwnerApplicationInput, ip: string) {
  const plan = getEquityPlans().find((candidate) => candidate.id === input.planId);
  if (!plan) throw new AppError("bad_request", "Please correct the fields marked below.", { planId: ["Choose one of the plans offered."] });
  const settings = getSiteSettings();
  const site = { coopName: settings.coopName, siteUrl: getEnv().siteUrl };
  const now = new Date();
  try {
    const applicationId = db.transaction(
      (tx) => {
        consumePublicFormLimit(
          tx,
          "owners:apply",
          ip,
          now,
          (minutes) => `Too many applications were sent from your connection. Please try again in ${minutes} minutes, or apply at the store.`,
        );
        const id = insertOwnerApplication(tx, input, { plan, signedOn: storeDay(now) });
        const concerns = { type: "owner_application", id } as const;
        queueEmail(tx, { to: input.applicant.email, ...applicationReceivedEmail(site, { name: input.applicant.name, planName: plan.name }), concerns });
        queueEmail(tx, { to: settings.staffNotificationEmail, ...applicationForStaffEmail(site, id), concerns });
        recordAudit(tx, null, { action: "owner_application.submit", subjectType: "owner_application", subjectId: String(id) });
        return id;
      },
      { behavior: "immediate" },
    );
    wakeEmailWorker();
    return applicationId;
  } catch (error) {
    if (isAppError(error) && error.code === "conflict") db.transaction((tx) => recordRateLimitHit(tx, publicFormLimitKey("owners:apply", ip), now), { behavior: "immediate" });
    const householdProblem = isAppError(error) ? householdRefusals[error.message] : undefined;
    if (isAppError(error) && householdProblem) {
      const [field] = Object.keys(error.fieldErrors ?? {});
      throw new AppError("conflict", "Please correct the fields marked below.", { [field!]: [householdProblem] });
    }
    const refusal = isAppError(error) && error.code === "conflict" ? refusals[error.message] : undefined;
    if (refusal) throw new AppError("conflict", refusal.message, { "applicant.email": [refusal.field] });
    throw error;
  }
}
