import { cellClass, DataTable } from "@/components/ui/data-table";
import { leaveHouseholdAction, saveHouseholdAction } from "@/lib/actions/owner-households";
import { saveOwnerContactAction } from "@/lib/actions/owners";
import type { HouseholdMemberStatus } from "@/db/queries/owner-households";
import { formatCents, formatDay } from "@/lib/model/format";
import type { EquityPlan } from "@/lib/model/equity";
import { paymentMethodLabels } from "@/lib/owners/labels";
import type { EquityPaymentMethod } from "@/lib/model/equity";
import { EquityStandingSummary } from "./equity-standing-summary";
import { HouseholdEditor } from "./household-editor";
import { HouseholdMembersList } from "./household-members-list";
import { LeaveHouseholdForm } from "./leave-household-form";
import { OwnerContactEditor } from "./owner-contact-editor";

type Ownership = {
  ownerNumber: number;
  name: string;
  joinedOn: string;
  equityPlan: EquityPlan | null;
  flowerVerifiedUntil: string | null;
  phone: string | null;
  streetAddress: string | null;
  locality: string | null;
  region: string | null;
  postalCode: string | null;
  isPrimary: boolean;
  household: { id: number; name: string; email: string | null; status: HouseholdMemberStatus }[];
  payments: { amountCents: number; paidOn: string; method: EquityPaymentMethod }[];
};

/**
 * An owner's or household member's view of the ownership. Payment methods are the
 * primary owner's business: household members see amounts and dates only.
 */
export function AccountOwnership({ ownership, today }: { ownership: Ownership; today: string }) {
  const flowerActive = ownership.flowerVerifiedUntil && ownership.flowerVerifiedUntil >= today;
  return (
    <section aria-labelledby="ownership-heading" className="mt-8">
      <h2 id="ownership-heading" className="text-2xl font-bold text-leaf-900">
        Owner no. {ownership.ownerNumber}
      </h2>
      <p className="mt-1">
        {ownership.isPrimary ? "Your household’s ownership" : `The ownership of ${ownership.name}’s household, which includes you`}, since{" "}
        {formatDay(ownership.joinedOn)}. Give the owner number at the register.
      </p>
      <h3 className="mt-6 text-xl font-bold text-leaf-900">Equity</h3>
      <EquityStandingSummary plan={ownership.equityPlan} joinedOn={ownership.joinedOn} payments={ownership.payments} today={today} />
      <DataTable caption="Equity payments" headers={ownership.isPrimary ? ["Paid on", "Amount", "Paid by"] : ["Paid on", "Amount"]}>
        {ownership.payments.map((payment, index) => (
          <tr key={index}>
            <td className={cellClass}>{formatDay(payment.paidOn)}</td>
            <td className={`${cellClass} tabular-nums`}>{formatCents(payment.amountCents)}</td>
            {ownership.isPrimary && <td className={cellClass}>{paymentMethodLabels[payment.method]}</td>}
          </tr>
        ))}
      </DataTable>
      {ownership.payments.length === 0 && <p className="mt-2">No payments recorded yet: the first is taken at the register.</p>}
      <h3 className="mt-6 text-xl font-bold text-leaf-900">FLOWER discount</h3>
      <p className="mt-2">
        {flowerActive
          ? `Active through ${formatDay(ownership.flowerVerifiedUntil)}.`
          : ownership.flowerVerifiedUntil
            ? `Ended on ${formatDay(ownership.flowerVerifiedUntil)}. Bring proof of a listed program to the store to renew it.`
            : "Not enrolled. Bring proof of a listed assistance program to the store to enroll."}
      </p>
      <h3 className="mt-6 text-xl font-bold text-leaf-900">Household</h3>
      {ownership.isPrimary ? (
        <>
          <HouseholdMembersList members={ownership.household} />
          <HouseholdEditor members={ownership.household} action={saveHouseholdAction} />
        </>
      ) : (
        <>
          <ul className="mt-2 list-disc pl-6">
            <li>{ownership.name} (primary owner)</li>
            {ownership.household
              .filter((member) => member.status === "member" || member.status === "name_only")
              .map((member) => (
                <li key={member.id}>{member.name}</li>
              ))}
          </ul>
          <p className="mt-2 text-sm text-muted">Only the primary owner can change the household.</p>
          <LeaveHouseholdForm action={leaveHouseholdAction} />
        </>
      )}
      {ownership.isPrimary && (
        <>
          <h3 className="mt-6 text-xl font-bold text-leaf-900">Contact details</h3>
          <p className="mt-2 max-w-prose text-sm text-muted">Where the store reaches you about your ownership. Moved or changed your number? Update it here.</p>
          <OwnerContactEditor contact={ownership} action={saveOwnerContactAction} />
        </>
      )}
    </section>
  );
}
