import "server-only";
import { db } from "@/db";
import { recordAudit, type AuditActor } from "@/db/queries/audit";
import { approveOwnerApplication, declineOwnerApplication, getOwnerApplication, type ApplicationDecisionRefusal } from "@/db/queries/owner-applications";
import { getSiteSettings } from "@/db/queries/site";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { explainRefusals } from "@/lib/model/errors";
import { reasonWords } from "@/lib/model/error-reasons";
import type { EquityPaymentMethod } from "@/lib/model/equity";
import { applicationApprovedEmail, applicationDeclinedEmail } from "./emails";
import { queueInvitationEmails, sealInvitation } from "./household-invitations";

const site = () => ({ coopName: getSiteSettings().coopName, siteUrl: getEnv().siteUrl });

/** The query layer's refusals, in words for staff. */
const explained = explainRefusals<ApplicationDecisionRefusal>({
  application_not_pending: "This application was already decided, perhaps by someone else a moment ago. Reload the page to see how.",
  application_not_found: "That application no longer exists.",
  applicant_in_ownership:
    "Since applying, this person has joined an existing ownership's household, and each person can be in one household. Decline the application saying so, or ask them to leave that household first (from their account).",
  // Staff can do nothing about it but tell whoever looks after the portal, as the default words say.
  owner_number_sequence_missing: reasonWords.owner_number_sequence_missing,
});

/**
 * Approves an application in one IMMEDIATE transaction: the next owner number, the
 * ownership, an invitation to each household member who gave an email, the first
 * payment, the welcome email with the owner number, and the audit entry.
 */
export function approveApplication(
  actor: AuditActor,
  input: { applicationId: number; joinedOn: string; firstPayment?: { amountCents: number; method: EquityPaymentMethod } },
) {
  try {
    const approved = db.transaction(
      (tx) => {
        const now = new Date();
        const { ownerId, ownerNumber, invitations } = approveOwnerApplication(tx, { ...input, decidedBy: actor.id, seal: () => sealInvitation(now) });
        const application = getOwnerApplication(tx, input.applicationId)!;
        queueInvitationEmails(tx, invitations, application.name);
        queueEmail(tx, {
          to: application.email,
          ...applicationApprovedEmail(site(), {
            name: application.name,
            ownerNumber,
            plan: application.equityPlan,
            joinedOn: input.joinedOn,
            paidCents: input.firstPayment?.amountCents ?? 0,
          }),
          concerns: { type: "owner_application", id: application.id },
        });
        recordAudit(tx, actor, {
          action: "owner_application.approve",
          subjectType: "owner_application",
          subjectId: String(input.applicationId),
          detail: { ownerNumber, firstPaymentCents: input.firstPayment?.amountCents ?? 0, householdInvited: invitations.length },
        });
        return { ownerId, ownerNumber, householdInvited: invitations.length };
      },
      { behavior: "immediate" },
    );
    wakeEmailWorker();
    return approved;
  } catch (error) {
    throw explained(error);
  }
}

/** Declines an application with the reason staff wrote, emails it to the applicant, and audits it, in one transaction. */
export function declineApplication(actor: AuditActor, input: { applicationId: number; reason: string }) {
  try {
    db.transaction(
      (tx) => {
        declineOwnerApplication(tx, input.applicationId, input.reason, actor.id);
        const application = getOwnerApplication(tx, input.applicationId)!;
        queueEmail(tx, {
          to: application.email,
          ...applicationDeclinedEmail(site(), { name: application.name, reason: input.reason }),
          concerns: { type: "owner_application", id: application.id },
        });
        recordAudit(tx, actor, { action: "owner_application.decline", subjectType: "owner_application", subjectId: String(input.applicationId) });
      },
      { behavior: "immediate" },
    );
    wakeEmailWorker();
  } catch (error) {
    throw explained(error);
  }
}
