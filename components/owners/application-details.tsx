import { formatCents, formatDateTime, formatDay } from "@/lib/model/format";
import { equitySchedule } from "@/lib/model/equity";
import { applicationStatusLabels, flowerProgramLabels } from "@/lib/owners/labels";
import type { OwnerApplication } from "@/db/schema/owners";

type Props = { application: OwnerApplication & { household: { name: string; email: string | null }[] } };

/** Every field of an application as the applicant gave it, for staff. */
export function ApplicationDetails({ application }: Props) {
  const plan = application.equityPlan;
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="applicant-heading">
        <h2 id="applicant-heading" className="text-xl font-bold text-leaf-900">
          Applicant
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          <dt className="font-semibold">Name</dt>
          <dd>{application.name}</dd>
          <dt className="font-semibold">Email</dt>
          <dd className="break-all">{application.email}</dd>
          <dt className="font-semibold">Phone</dt>
          <dd>{application.phone}</dd>
          <dt className="font-semibold">Address</dt>
          <dd>
            {application.streetAddress}
            <br />
            {application.locality}, {application.region} {application.postalCode}
          </dd>
          <dt className="font-semibold">Submitted</dt>
          <dd>{formatDateTime(application.submittedAt)}</dd>
          <dt className="font-semibold">Status</dt>
          <dd>
            {applicationStatusLabels[application.status]}
            {application.decidedAt && <> on {formatDateTime(application.decidedAt)}</>}
            {application.declineReason && <> — “{application.declineReason}”</>}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="household-heading">
        <h2 id="household-heading" className="text-xl font-bold text-leaf-900">
          Household
        </h2>
        {application.household.length === 0 ? (
          <p className="mt-2">Nobody besides the applicant.</p>
        ) : (
          <ul className="mt-2 list-disc pl-6">
            {application.household.map((member, index) => (
              <li key={index}>
                {member.name}
                {member.email && <span className="text-muted"> — {member.email} (will be able to sign in)</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="equity-heading">
        <h2 id="equity-heading" className="text-xl font-bold text-leaf-900">
          Equity
        </h2>
        {plan ? (
          <>
            <p className="mt-2">
              {plan.name}: {formatCents(plan.totalCents)} in all.
            </p>
            <ul className="mt-1 text-sm">
              {equitySchedule(plan, application.signedOn).map((due, index) => (
                <li key={index}>
                  {index === 0 ? "At joining" : `From ${formatDay(due.dueOn)} (if joined the day of signing)`}: {formatCents(due.amountCents)}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-2">Plan “{application.planId}” (terms not recorded).</p>
        )}
      </section>
      <section aria-labelledby="flower-heading">
        <h2 id="flower-heading" className="text-xl font-bold text-leaf-900">
          FLOWER discount
        </h2>
        <p className="mt-2">
          {application.flowerPrograms.length ? `Declared: ${flowerProgramLabels(application.flowerPrograms).join("; ")}. Verify at the store.` : "Not asked for."}
        </p>
      </section>
      <section aria-labelledby="agreement-heading" className="lg:col-span-2">
        <h2 id="agreement-heading" className="text-xl font-bold text-leaf-900">
          Agreement
        </h2>
        <p className="mt-2">
          Agreed to the bylaws and to the co-op keeping these details. Signed “{application.signature}” on {formatDay(application.signedOn)}.
        </p>
        {application.note && (
          <blockquote className="mt-2 whitespace-pre-wrap border-l-4 border-leaf-100 pl-4">{application.note}</blockquote>
        )}
      </section>
    </div>
  );
}
