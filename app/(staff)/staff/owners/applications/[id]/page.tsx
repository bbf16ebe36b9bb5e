import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplicationDecision } from "@/components/owners/application-decision";
import { ApplicationDetails } from "@/components/owners/application-details";
import { db } from "@/db";
import { getOwnerApplication } from "@/db/queries/owner-applications";
import { approveOwnerApplicationAction, declineOwnerApplicationAction } from "@/lib/actions/owner-applications";
import { recordPersonalDataView } from "@/lib/audit/record-view";
import { requirePageRole } from "@/lib/auth/session";
import { formatCents, storeDay } from "@/lib/model/format";

export const metadata: Metadata = { title: "Owner application" };

type Props = { params: Promise<{ id: string }> };

export default async function OwnerApplicationPage({ params }: Props) {
  const { id } = await params;
  const staff = await requirePageRole("staff", `/staff/owners/applications/${id}`);
  const application = /^\d{1,12}$/.test(id) ? getOwnerApplication(db, Number(id)) : null;
  if (!application) notFound();
  await recordPersonalDataView(staff, { action: "owner_application.view", subjectType: "owner_application", subjectId: String(application.id) });
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/owners/applications">
          Owner applications
        </Link>{" "}
        › No. {application.id}
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">Application from {application.name}</h1>
      <p className="mt-2">
        <a href={`/staff/owners/applications/${application.id}/pdf`} download>
          Download as PDF (paper form layout)
        </a>
      </p>
      <ApplicationDetails application={application} />
      {application.status === "submitted" && (
        <ApplicationDecision
          applicationId={application.id}
          today={storeDay()}
          firstPaymentDue={application.equityPlan ? formatCents(application.equityPlan.firstPaymentCents) : "—"}
          approve={approveOwnerApplicationAction}
          decline={declineOwnerApplicationAction}
        />
      )}
    </>
  );
}
