import "server-only";
import { db } from "@/db";
import { getJobTakingApplications } from "@/db/queries/job-applications";
import { getJobById } from "@/db/queries/jobs";
import { clientIp } from "@/lib/auth/client-ip";
import { isFromOwnPages, NOT_FROM_OWN_PAGES } from "@/lib/auth/own-origin";
import { AppError, CORRECT_FIELDS, isAppError } from "@/lib/model/errors";
import { storeDay } from "@/lib/model/format";
import { consumePublicFormLimit } from "@/lib/rate-limits";
import { refusalOutcome, wantsJson, type UploadOutcome } from "@/lib/uploads/answer-upload-form";
import { uploadSpace } from "@/lib/uploads/quota";
import { declaresMoreThanCap, readUploadForm, typedValues, type FileRefusal, type ReceivedForm } from "@/lib/uploads/read-upload-form";
import { fieldErrorsOf } from "@/lib/validations/field-errors";
import { jobApplicationSchema } from "@/lib/validations/jobs";
import { jobApplicationFormSchema } from "@/lib/validations/job-applications";
import { resumeNoSpaceMessage, resumeNotAcceptedMessage, resumeQuotaMessage, resumeTooLargeMessage } from "@/lib/validations/resume-messages";
import { explained, resumeRowOf, submitJobApplication, tooManyApplications } from "./submit-application";
import { RESUME_MAX_BYTES } from "@/lib/model/jobs";

export type ApplicationReceipt = {
  outcome: UploadOutcome;
  /** The posting's address, when it is public: where a refused form comes back. */
  slug: string | null;
  /** The answer came before the body's end (refused before reading, or cut off at its cap). */
  bodyLeftUnread: boolean;
};

const refusalWords: Record<FileRefusal, string> = { too_large: resumeTooLargeMessage, over_quota: resumeQuotaMessage, no_space: resumeNoSpaceMessage };

/**
 * Anyone: applies for a posting through its upload route. Before a byte of the body is
 * read it refuses a post from another site, a posting that is not open, an address over
 * its hourly limit, and (to the page's script) a body declared longer than the form can
 * be; then it reads the form as it arrives, the résumé straight to
 * disk up to its 5 MB cap and the room under the uploads' quota, and takes the
 * application (lib/jobs/submit-application.ts). Refusals say what to correct at each
 * field and carry what was typed; a file left from a refusal is removed.
 */
export async function receiveJobApplication(request: Request, jobIdParam: string): Promise<ApplicationReceipt> {
  const now = new Date();
  const job = /^\d{1,12}$/.test(jobIdParam) ? getJobById(Number(jobIdParam)) : null;
  const slug = job && job.status !== "draft" ? job.slug : null;
  const refusedUnread = (error: unknown): ApplicationReceipt => {
    if (!isAppError(error)) throw error;
    return { outcome: refusalOutcome(error), slug, bodyLeftUnread: true };
  };
  if (!isFromOwnPages(request.headers)) return refusedUnread(new AppError("forbidden", NOT_FROM_OWN_PAGES));
  try {
    getJobTakingApplications(db, job?.id ?? 0, storeDay(now));
  } catch (error) {
    return refusedUnread(explained(error));
  }
  const ip = clientIp(request.headers);
  const limited = limitRefusal(ip, now);
  if (limited) return refusedUnread(limited);
  if (wantsJson(request) && declaresMoreThanCap(request, RESUME_MAX_BYTES)) {
    // The page's script stops such a file before sending it, and keeps what was typed itself.
    return { outcome: { ok: false, status: 413, message: CORRECT_FIELDS, fieldErrors: { resume: [resumeTooLargeMessage] } }, slug, bodyLeftUnread: true };
  }

  const form = await readUploadForm(request, { fileField: "resume", maxFileBytes: RESUME_MAX_BYTES, roomBytes: uploadSpace().roomBytes });
  if (!form) return refusedUnread(new AppError("bad_request", "This form could not be read. Reload the page and send it again."));
  let taken = false;
  try {
    const outcome = await takeApplication(form, job!.id, ip, now);
    taken = outcome.ok;
    return { outcome, slug, bodyLeftUnread: form.cutOff };
  } finally {
    if (!taken) form.file?.pending?.discard();
  }
}

/**
 * Whether this address is over the public form limit, asked before the body is read and
 * without counting: the limit's own function runs in a transaction that is always rolled
 * back, so the rule it applies (keys, windows, caps) stays in lib/rate-limits.ts alone.
 * The application counts once, in the transaction that stores it.
 */
function limitRefusal(ip: string, now: Date): AppError | null {
  const dryRun = new Error("rolled back: the limit was only asked");
  try {
    db.transaction(
      (tx) => {
        consumePublicFormLimit(tx, "jobs:apply", ip, now, tooManyApplications);
        throw dryRun;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (error === dryRun) return null;
    if (isAppError(error) && error.code === "rate_limited") return error;
    throw error;
  }
  return null;
}

/** Checks the received form (text fields, the file's size and content) and stores the application. */
async function takeApplication(form: ReceivedForm, jobId: number, ip: string, now: Date): Promise<UploadOutcome> {
  const values = typedValues(form, Object.keys(jobApplicationSchema.shape));
  const { file } = form;
  const parsed = jobApplicationFormSchema.safeParse({ ...form.fields, jobId: String(jobId), resume: file ?? undefined });
  const fieldErrors: Record<string, string[]> = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (file?.refusal) fieldErrors.resume = [refusalWords[file.refusal]];
  else if (form.cutOff) fieldErrors.form = ["This form is larger than any application can be, so it was not read. Reload the page and send it again."];
  const row = file?.pending && !fieldErrors.resume ? await resumeRowOf(file.pending, file.name) : null;
  if (file?.pending && !fieldErrors.resume && !row) fieldErrors.resume = [resumeNotAcceptedMessage];
  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    return { ok: false, status: form.cutOff || file?.refusal === "too_large" ? 413 : 400, message: CORRECT_FIELDS, fieldErrors, values };
  }
  try {
    submitJobApplication(parsed.data, file?.pending && row ? { pending: file.pending, row } : undefined, ip, now);
    return { ok: true };
  } catch (error) {
    if (isAppError(error)) return refusalOutcome(error, values);
    throw error;
  }
}
