import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { getOwnerApplication } from "@/db/queries/owner-applications";
import { getSiteSettings } from "@/db/queries/site";
import { refuseRequestFromAnotherSite } from "@/lib/audit/cross-site";
import { requireStaff } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/model/errors";
import { renderOwnerApplicationPdf } from "@/lib/owners/application-pdf";

const privateFile = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** Staff: one application laid out like the paper form, for the binder at the store. Audited. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    refuseRequestFromAnotherSite(request);
    const staff = await requireStaff();
    const { id } = await params;
    const application = /^\d{1,12}$/.test(id) ? getOwnerApplication(db, Number(id)) : null;
    if (!application) throw new AppError("not_found", "No such application.");
    const settings = getSiteSettings();
    const pdf = await renderOwnerApplicationPdf(application, {
      coopName: settings.coopName,
      address: `${settings.streetAddress}, ${settings.locality}, ${settings.region} ${settings.postalCode}`,
      phone: settings.phone,
    });
    recordAudit(db, staff, { action: "owner_application.pdf", subjectType: "owner_application", subjectId: String(application.id) });
    return new Response(Buffer.from(pdf), {
      headers: {
        ...privateFile,
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="owner-application-${application.id}.pdf"`,
      },
    });
  } catch (error) {
    return errorResponse(error, privateFile);
  }
}
