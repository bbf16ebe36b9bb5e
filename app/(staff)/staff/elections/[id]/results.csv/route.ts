import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { getElectionById } from "@/db/queries/elections";
import { refuseRequestFromAnotherSite } from "@/lib/audit/cross-site";
import { requireStaff } from "@/lib/auth/session";
import { resultsCsv } from "@/lib/elections/results-csv";
import type { ElectionResults } from "@/lib/model/election-tally";
import { AppError, errorResponse } from "@/lib/model/errors";

const privateFile = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

type Context = { params: Promise<{ id: string }> };

/** Staff: an election's counted results as CSV, once voting has closed (before, there is no tally to give). Audited. */
export async function GET(request: Request, { params }: Context) {
  try {
    refuseRequestFromAnotherSite(request);
    const staff = await requireStaff();
    const { id } = await params;
    const election = /^\d{1,12}$/.test(id) ? getElectionById(db, Number(id)) : null;
    if (!election) throw new AppError("not_found", "That election does not exist.");
    if ((election.status !== "closed" && election.status !== "certified") || !election.resultsJson) {
      throw new AppError("conflict", "The votes are counted when voting closes; until then there are no results to download.");
    }
    recordAudit(db, staff, { action: "election.export", subjectType: "election", subjectId: String(election.id), detail: { status: election.status } });
    return new Response(resultsCsv(election.resultsJson as ElectionResults), {
      headers: {
        ...privateFile,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="election-${election.slug}-results.csv"`,
      },
    });
  } catch (error) {
    return errorResponse(error, privateFile);
  }
}
