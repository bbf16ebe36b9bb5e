import "server-only";
import { isFromOwnPages, NOT_FROM_OWN_PAGES } from "@/lib/auth/own-origin";
import { requireStaff, type SessionUser } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/model/errors";
import { refusalOutcome, type UploadOutcome } from "./answer-upload-form";

/**
 * What a staff upload route checks before reading a byte of the body: the form came from
 * the portal's own pages (route handlers get no Origin check from Next), and the sender is
 * staff. Returns the staff member, or the refusal to answer with, the body left unread.
 */
export async function admitStaffUpload(request: Request): Promise<{ ok: true; actor: SessionUser } | { ok: false; outcome: UploadOutcome }> {
  try {
    if (!isFromOwnPages(request.headers)) throw new AppError("forbidden", NOT_FROM_OWN_PAGES);
    return { ok: true, actor: await requireStaff() };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false, outcome: refusalOutcome(error) };
  }
}
