import "server-only";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { getJobTakingApplications, insertJobApplication, type StoredResumeFile } from "@/db/queries/job-applications";
import { getSiteSettings } from "@/db/queries/site";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { consumePublicFormLimit } from "@/lib/rate-limits";
import { storeDay } from "@/lib/format";
import { resumeNoSpaceMessage, resumeTooLargeMessage, type JobApplicationFormInput, type UploadedFile } from "@/lib/validations/job-applications";
import { jobApplicationForStaffEmail, jobApplicationReceivedEmail } from "./application-emails";
import { resumeDownloadName } from "./resume-file-name";
import { sniffResumeType } from "./resume-type";
import { writePendingUpload, type PendingUpload } from "./uploads";
import { RESUME_MAX_BYTES, resumeContentTypes } from "./vocabulary";

const CORRECT_FIELDS = "Please correct the fields marked below.";
const resumeError = (message: string) => new AppError("bad_request", CORRECT_FIELDS, { resume: [message] });

/** What the query layer's refusals mean to the person applying. */
function explained(error: unknown): unknown {
  if (isAppError(error) && error.message === "job_not_found") return new AppError("not_found", "This posting does not take applications. See our current openings.");
  if (isAppError(error) && error.message === "job_closed") {
    return new AppError("conflict", "This position is closed: we are no longer taking applications for it. See our current openings.");
  }
  return error;
}

/**
 * Checks the résumé file by its content and writes it under a temporary name; a file
 * that is not a PDF or Word document is refused before anything is written.
 */
async function receiveResumeFile(file: UploadedFile): Promise<{ pending: PendingUpload; row: StoredResumeFile }> {
  if (file.size > RESUME_MAX_BYTES) throw resumeError(resumeTooLargeMessage);
  const contentType = await sniffResumeType(file);
  if (!contentType) throw resumeError("This file is not a PDF or a Word document. Choose your résumé as a PDF, .docx or .doc file, or paste it as text below.");
  let pending: PendingUpload;
  try {
    pending = await writePendingUpload(file, RESUME_MAX_BYTES);
  } catch (error) {
    if (error instanceof Error && error.message === "upload_too_large") throw resumeError(resumeTooLargeMessage);
    if (error instanceof Error && error.message === "upload_no_space") throw resumeError(resumeNoSpaceMessage);
    throw error;
  }
  const originalName = resumeDownloadName(file.name, resumeContentTypes[contentType]);
  return { pending, row: { id: pending.id, originalName, contentType, sizeBytes: pending.sizeBytes } };
}

/**
 * Takes a job application: refuses a posting that is not open, checks and writes the
 * résumé file, then in one IMMEDIATE transaction counts it against the sender's hourly
 * limit, stores the file's row and the application, queues the applicant's confirmation
 * and the staff's notification, and audits it. The file takes its final name only after
 * the commit; on any failure it is removed, so a refused application leaves nothing.
 */
export async function submitJobApplication(input: JobApplicationFormInput, ip: string) {
  const { resume, ...application } = input;
  const now = new Date();
  try {
    getJobTakingApplications(db, application.jobId, storeDay(now));
  } catch (error) {
    throw explained(error);
  }
  const file = resume ? await receiveResumeFile(resume) : undefined;
  const settings = getSiteSettings();
  const site = { coopName: settings.coopName, siteUrl: getEnv().siteUrl };
  let job: ReturnType<typeof getJobTakingApplications>;
  try {
    job = db.transaction(
      (tx) => {
        // Again inside the transaction: staff may have closed the posting while the file was written.
        const open = getJobTakingApplications(tx, application.jobId, storeDay(now));
        consumePublicFormLimit(
          tx,
          "jobs:apply",
          ip,
          now,
          (minutes) => `Too many applications were sent from your connection. Please try again in ${minutes} minutes, or bring your application to the store.`,
        );
        const id = insertJobApplication(tx, application, file?.row);
        const concerns = { type: "job_application", id } as const;
        queueEmail(tx, { to: application.email, ...jobApplicationReceivedEmail(site, { name: application.name, jobTitle: open.title, jobSlug: open.slug }), concerns });
        queueEmail(tx, { to: settings.staffNotificationEmail, ...jobApplicationForStaffEmail(site, open), concerns });
        recordAudit(tx, null, { action: "job_application.submit", subjectType: "job_application", subjectId: String(id), detail: { jobId: open.id, resumeFile: Boolean(file) } });
        return open;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    file?.pending.discard();
    throw explained(error);
  }
  file?.pending.keep();
  wakeEmailWorker();
  return { slug: job.slug };
}
