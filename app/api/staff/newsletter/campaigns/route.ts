import { requireStaff } from "@/lib/auth/session";
import { errorResponse } from "@/lib/model/errors";
import { staffCampaignRows } from "@/lib/newsletter/staff-campaigns";

const privateAnswer = { "Cache-Control": "no-store" };

/** Staff: every campaign with its state and progress, for the list at /staff/newsletter. */
export async function GET() {
  try {
    await requireStaff();
    return Response.json({ campaigns: staffCampaignRows() }, { headers: privateAnswer });
  } catch (error) {
    return errorResponse(error, privateAnswer);
  }
}
