import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EquityStandingSummary } from "@/components/owners/equity-standing-summary";
import { HouseholdMembersList } from "@/components/owners/household-members-list";
import { RemoveHouseholdMemberForm } from "@/components/owners/remove-household-member-form";
import { EquityPaymentForm, FlowerVerificationForm } from "@/components/owners/owner-staff-forms";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { getOwnerForStaff } from "@/db/queries/owners-directory";
import { removeHouseholdMemberAction } from "@/lib/actions/owner-households";
import { recordEquityPaymentAction, setFlowerVerificationAction } from "@/lib/actions/owners";
import { recordPersonalDataView } from "@/lib/audit/record-view";
import { requirePageRole } from "@/lib/auth/session";
import { formatCents, formatDay, storeDay } from "@/lib/model/format";
import { flowerProgramLabels, paymentMethodLabels } from "@/lib/owners/labels";

export const metadata: Metadata = { title: "Owner" };

type Props = { params: Promise<{ id: string }> };

export default async function OwnerPage({ params }: Props) {
  const { id } = await params;
  const staff = await requirePageRole("staff", `/staff/owners/${id}`);
  const owner = /^\d{1,12}$/.test(id) ? getOwnerForStaff(Number(id)) : null;
  if (!owner) notFound();
  await recordPersonalDataView(staff, { action: "owner.view", subjectType: "owner", subjectId: String(owner.id) });
  const today = storeDay();
  const { contact } = owner;
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/owners">
          Owners
        </Link>{" "}
        › No. {owner.ownerNumber}
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">
        {owner.name} <span className="text-muted">· owner no. {owner.ownerNumber}</span>
      </h1>
      <div className="mt-6 grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="contact-heading">
          <h2 id="contact-heading" className="text-xl font-bold text-leaf-900">
            Contact
          </h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
            <dt className="font-semibold">Email</dt>
            <dd className="break-all">{owner.email}</dd>
            <dt className="font-semibold">Phone</dt>
            <dd>{contact.phone ?? "—"}</dd>
            <dt className="font-semibold">Address</dt>
            <dd>{contact.streetAddress ? `${contact.streetAddress}, ${contact.locality}, ${contact.region} ${contact.postalCode}` : "—"}</dd>
            <dt className="font-semibold">Owner since</dt>
            <dd>{formatDay(owner.joinedOn)}</dd>
            {owner.applicationId && (
              <>
                <dt className="font-semibold">Application</dt>
                <dd>
                  <Link prefetch={false} href={`/staff/owners/applications/${owner.applicationId}`}>
                    No. {owner.applicationId}
                  </Link>
                </dd>
              </>
            )}
          </dl>
          <h2 className="mt-6 text-xl font-bold text-leaf-900">Household</h2>
          <HouseholdMembersList members={owner.household} showEmail />
          {owner.household.length > 0 && (
            <div className="mt-3 flex flex-wrap gap-3">
              {owner.household.map((member) => (
                <RemoveHouseholdMemberForm key={member.id} ownerId={owner.id} member={member} action={removeHouseholdMemberAction} />
              ))}
            </div>
          )}
          <h2 className="mt-6 text-xl font-bold text-leaf-900">FLOWER discount</h2>
          <p className="mt-2">
            {owner.flowerPrograms.length ? `Declared on the application: ${flowerProgramLabels(owner.flowerPrograms).join("; ")}.` : "Not declared on the application."}{" "}
            {owner.flowerVerifiedUntil
              ? owner.flowerVerifiedUntil >= today
                ? `Verified through ${formatDay(owner.flowerVerifiedUntil)}.`
                : `Verification expired on ${formatDay(owner.flowerVerifiedUntil)}.`
              : "Not verified."}
          </p>
          <FlowerVerificationForm ownerId={owner.id} verifiedUntil={owner.flowerVerifiedUntil} action={setFlowerVerificationAction} />
        </section>
        <section aria-labelledby="equity-heading">
          <h2 id="equity-heading" className="text-xl font-bold text-leaf-900">
            Equity
          </h2>
          <EquityStandingSummary plan={owner.equityPlan} joinedOn={owner.joinedOn} payments={owner.payments} today={today} />
          <DataTable caption="Equity payments" headers={["Paid on", "Amount", "Method", "Recorded by"]}>
            {owner.payments.map((payment) => (
              <tr key={payment.id}>
                <td className={cellClass}>{formatDay(payment.paidOn)}</td>
                <td className={`${cellClass} tabular-nums`}>{formatCents(payment.amountCents)}</td>
                <td className={cellClass}>{paymentMethodLabels[payment.method]}</td>
                <td className={cellClass}>{payment.recordedBy ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
          {owner.payments.length === 0 && <p className="mt-2">No payments yet.</p>}
          <EquityPaymentForm ownerId={owner.id} today={today} action={recordEquityPaymentAction} />
        </section>
      </div>
    </>
  );
}
