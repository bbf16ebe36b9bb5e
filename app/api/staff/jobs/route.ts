import { requireStaff } from "@/lib/auth/session";
import { errorResponse } from "@/lib/model/errors";
import { staffJobRows } from "@/lib/jobs/staff-list";

const privateAnswer = { "Cache-Control": "no-store" };

/** Staff: every posting with applicant counts, for the list at /staff/jobs. */
export async function GET() {
  try {
    await requireStaff();
    return Response.json({ jobs: staffJobRows() }, { headers: privateAnswer });
  } catch (error) {
    return errorResponse(error, privateAnswer);
  }
}
