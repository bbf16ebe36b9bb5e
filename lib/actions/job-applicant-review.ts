"use server";

import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { getJobApplication, setApplicantStatus, type ApplicantRefusal } from "@/db/queries/job-applications";
import { getSiteSettings } from "@/db/queries/site";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { explainRefusals } from "@/lib/model/errors";
import { applicantMessageEmail } from "@/lib/jobs/applicant-message-email";
import { applicantUpdateSchema } from "@/lib/validations/jobs";
import { defineAction } from "./safe-action";

const explained = explainRefusals<ApplicantRefusal>({ application_not_found: "That application no longer exists." });

/**
 * Staff: moves an applicant to a status, saving notes when given, and emails them the
 * message staff wrote, if any, in the same transaction. Audited without the notes' text.
 */
export const updateApplicantAction = defineAction({
  access: "staff",
  schema: applicantUpdateSchema,
  run: ({ id, status, notes, emailMessage }, actor) => {
    try {
      db.transaction(
        (tx) => {
          const before = setApplicantStatus(tx, id, status, notes);
          if (emailMessage) {
            const application = getJobApplication(id, tx)!;
            queueEmail(tx, {
              to: before.email,
              ...applicantMessageEmail(getSiteSettings(), { name: before.name, jobTitle: application.job.title, message: emailMessage }),
              concerns: { type: "job_application", id },
            });
          }
          recordAudit(tx, actor, {
            action: "job_application.update",
            subjectType: "job_application",
            subjectId: String(id),
            detail: { status: before.status === status ? undefined : { from: before.status, to: status }, emailed: Boolean(emailMessage), notesChanged: notes !== undefined && notes !== before.notes },
          });
        },
        { behavior: "immediate" },
      );
    } catch (error) {
      throw explained(error);
    }
    if (emailMessage) wakeEmailWorker();
    return { id, status };
  },
});
