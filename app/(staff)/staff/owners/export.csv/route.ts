import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { listOwnersForExport } from "@/db/queries/owners-directory";
import { refuseRequestFromAnotherSite } from "@/lib/audit/cross-site";
import { requireStaff } from "@/lib/auth/session";
import { errorResponse } from "@/lib/model/errors";
import { storeDay } from "@/lib/model/format";
import { ownersCsv } from "@/lib/owners/owners-csv";

const privateFile = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** Staff: every ownership as CSV for the point-of-sale import, safe to open in a spreadsheet. Audited with the row count. */
export async function GET(request: Request) {
  try {
    refuseRequestFromAnotherSite(request);
    const staff = await requireStaff();
    const rows = listOwnersForExport().map((owner) => ({
      ...owner,
      household: owner.householdNames ? owner.householdNames.split("\u001f") : [],
      planName: owner.equityPlan?.name ?? owner.planId,
      flowerPrograms: owner.flowerPrograms ?? [],
    }));
    recordAudit(db, staff, { action: "owner.export", subjectType: "owner", subjectId: "all", detail: { rows: rows.length } });
    return new Response(ownersCsv(rows), {
      headers: {
        ...privateFile,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="owners-${storeDay()}.csv"`,
      },
    });
  } catch (error) {
    return errorResponse(error, privateFile);
  }
}
