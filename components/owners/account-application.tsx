import { ButtonLink } from "@/components/ui/button-link";
import { formatDateTime } from "@/lib/model/format";
import type { OwnerApplication } from "@/db/schema/owners";
import { applicationStatusLabels } from "@/lib/owners/labels";
import type { withdrawOwnerApplicationAction } from "@/lib/actions/owner-applications";
import { EquitySchedule } from "./equity-schedule";
import { WithdrawApplicationForm } from "./withdraw-application-form";

/** An applicant's view of their latest application: where it stands, what they will pay, and how to withdraw it while it waits. */
export function AccountApplication({ application, withdraw }: { application: OwnerApplication; withdraw: typeof withdrawOwnerApplicationAction }) {
  return (
    <section aria-labelledby="application-heading" className="mt-8">
      <h2 id="application-heading" className="text-2xl font-bold text-leaf-900">
        Your owner application
      </h2>
      <p className="mt-2">
        Sent {formatDateTime(application.submittedAt)}. Status: <strong>{application.status === "submitted" ? "submitted" : applicationStatusLabels[application.status].toLowerCase()}</strong>
        {application.status === "submitted" && " — waiting for review. We email you as soon as it is decided."}
      </p>
      {application.status === "declined" && (
        <>
          <p className="mt-2">The reason staff gave: “{application.declineReason}”</p>
          <p className="mt-4">
            <ButtonLink href="/owners/apply" variant="secondary">
              Apply again
            </ButtonLink>
          </p>
        </>
      )}
      {application.status === "submitted" && application.equityPlan && (
        <>
          <h3 className="mt-6 text-xl font-bold text-leaf-900">Your equity plan: {application.equityPlan.name}</h3>
          <EquitySchedule plan={application.equityPlan} />
        </>
      )}
      {application.status === "submitted" && <WithdrawApplicationForm action={withdraw} />}
    </section>
  );
}
