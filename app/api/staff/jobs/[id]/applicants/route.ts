import { listApplicationsForJob } from "@/db/queries/job-applications";
import { requireStaff } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/model/errors";
import { applicantRows } from "@/lib/jobs/applicant-rows";

const privateAnswer = { "Cache-Control": "no-store" };

/** Staff: a posting's applicants (names and where they stand), for the list on the posting's staff page. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireStaff();
    const { id } = await params;
    if (!/^\d{1,12}$/.test(id)) throw new AppError("not_found", "No such posting.");
    return Response.json({ applicants: applicantRows(listApplicationsForJob(Number(id))) }, { headers: privateAnswer });
  } catch (error) {
    return errorResponse(error, privateAnswer);
  }
}
