import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { listConfirmedSubscribersForExport } from "@/db/queries/newsletter-subscriber-list";
import { refuseRequestFromAnotherSite } from "@/lib/audit/cross-site";
import { requireStaff } from "@/lib/auth/session";
import { errorResponse } from "@/lib/model/errors";
import { storeDay } from "@/lib/model/format";
import { subscribersCsv } from "@/lib/newsletter/subscribers-csv";

const privateFile = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** Staff: the confirmed subscribers with their consent proof as CSV, safe to open in a spreadsheet. Audited with the row count. */
export async function GET(request: Request) {
  try {
    refuseRequestFromAnotherSite(request);
    const staff = await requireStaff();
    const rows = listConfirmedSubscribersForExport();
    recordAudit(db, staff, { action: "newsletter_subscriber.export", subjectType: "newsletter_subscriber", subjectId: "confirmed", detail: { rows: rows.length } });
    return new Response(subscribersCsv(rows), {
      headers: {
        ...privateFile,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="newsletter-subscribers-${storeDay()}.csv"`,
      },
    });
  } catch (error) {
    return errorResponse(error, privateFile);
  }
}
