import "server-only";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { getJobTakingApplications, insertJobApplication, type JobTakingRefusal, type StoredResumeFile } from "@/db/queries/job-applications";
import { getSiteSettings } from "@/db/queries/site";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { explainRefusals, invalidFields } from "@/lib/model/errors";
import { consumePublicFormLimit } from "@/lib/rate-limits";
import { storeDay } from "@/lib/model/format";
import { assertUploadFits, type UploadRefusal } from "@/lib/uploads/quota";
import { resumeQuotaMessage } from "@/lib/validations/resume-messages";
import type { JobApplicationInput } from "@/lib/validations/jobs";
import { jobApplicationForStaffEmail, jobApplicationReceivedEmail } from "./application-emails";
import { resumeDownloadName } from "./resume-file-name";
import { sniffResumeType } from "./resume-type";
import type { PendingUpload } from "@/lib/uploads/storage";
import { resumeContentTypes } from "@/lib/model/jobs";

/** The hourly limit's words, whether it refuses before the body is read or when the application is stored. */
export const tooManyApplications = (minutes: number) =>
  `Too many applications were sent from your connection. Please try again in ${minutes} minutes, or bring your application to the store.`;

/** What the query layer's refusals mean to the person applying. */
export const explained = explainRefusals<JobTakingRefusal | UploadRefusal>({
  job_not_found: "This posting does not take applications. See our current openings.",
  job_closed: "This position is closed: we are no longer taking applications for it. See our current openings.",
  upload_quota_full: () => invalidFields({ resume: [resumeQuotaMessage] }),
});

/** A résumé written under its temporary name, with the row it will have once its application commits. */
export type ReceivedResume = { pending: PendingUpload; row: StoredResumeFile };

/**
 * The row of a résumé written to disk, once its content shows a PDF or Word document
 * (never its name or the type the browser claimed); null for anything else.
 */
export async function resumeRowOf(pending: PendingUpload, sentName: string): Promise<StoredResumeFile | null> {
  const contentType = await sniffResumeType(await pending.blob());
  if (!contentType) return null;
  return { id: pending.id, originalName: resumeDownloadName(sentName, resumeContentTypes[contentType]), contentType, sizeBytes: pending.sizeBytes };
}

/**
 * Takes a job application whose résumé, if any, is already written under its temporary
 * name: in one IMMEDIATE transaction checks again that the posting is open (staff may
 * have closed it while the file arrived), counts the application against the sender's
 * hourly limit, checks the file fits the uploads' quota, stores the file's row and the
 * application, queues the applicant's confirmation and the staff's notification, and
 * audits it. The file takes its final name only after the commit; on any failure it is
 * removed, so a refused application leaves nothing.
 */
export function submitJobApplication(application: JobApplicationInput, resume: ReceivedResume | undefined, ip: string, now = new Date()) {
  const settings = getSiteSettings();
  const site = { coopName: settings.coopName, siteUrl: getEnv().siteUrl };
  let job: ReturnType<typeof getJobTakingApplications>;
  try {
    job = db.transaction(
      (tx) => {
        const open = getJobTakingApplications(tx, application.jobId, storeDay(now));
        consumePublicFormLimit(tx, "jobs:apply", ip, now, tooManyApplications);
        if (resume) assertUploadFits(tx, resume.row.sizeBytes);
        const id = insertJobApplication(tx, application, resume?.row);
        const concerns = { type: "job_application", id } as const;
        queueEmail(tx, { to: application.email, ...jobApplicationReceivedEmail(site, { name: application.name, jobTitle: open.title, jobSlug: open.slug }), concerns });
        queueEmail(tx, { to: settings.staffNotificationEmail, ...jobApplicationForStaffEmail(site, open), concerns });
        recordAudit(tx, null, { action: "job_application.submit", subjectType: "job_application", subjectId: String(id), detail: { jobId: open.id, resumeFile: Boolean(resume) } });
        return open;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    resume?.pending.discard();
    throw explained(error);
  }
  resume?.pending.keep();
  wakeEmailWorker();
  return { slug: job.slug };
}
