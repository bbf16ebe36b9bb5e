import { requireStaff } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/model/errors";
import { campaignProgressView } from "@/lib/newsletter/staff-campaigns";

const privateAnswer = { "Cache-Control": "no-store" };

/** Staff: a campaign's state and sent / total, polled by its page while it goes out. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireStaff();
    const { id } = await params;
    const view = /^\d{1,12}$/.test(id) ? campaignProgressView(Number(id)) : null;
    if (!view) throw new AppError("not_found", "No such campaign.");
    return Response.json(view, { headers: privateAnswer });
  } catch (error) {
    return errorResponse(error, privateAnswer);
  }
}
