import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplicantUpdateForm } from "@/components/jobs/applicant-update-form";
import { getJobApplication } from "@/db/queries/job-applications";
import { updateApplicantAction } from "@/lib/actions/job-applicant-review";
import { recordPersonalDataView } from "@/lib/audit/record-view";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/model/format";

export const metadata: Metadata = { title: "Applicant" };

type Props = { params: Promise<{ id: string }> };

/** One applicant in full, for staff; opening it is audited. */
export default async function ApplicantPage({ params }: Props) {
  const { id } = await params;
  const staff = await requirePageRole("staff", `/staff/jobs/applicants/${id}`);
  const found = /^\d{1,12}$/.test(id) ? getJobApplication(Number(id)) : null;
  if (!found) notFound();
  const { application, job, resumeFile } = found;
  await recordPersonalDataView(staff, { action: "job_application.view", subjectType: "job_application", subjectId: String(application.id) });
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/jobs">
          Jobs
        </Link>{" "}
        ›{" "}
        <Link prefetch={false} href={`/staff/jobs/${job.id}`}>
          {job.title}
        </Link>{" "}
        › Applicant
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">{application.name}</h1>
      <dl className="mt-6 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">Email</dt>
        <dd className="break-all">{application.email}</dd>
        <dt className="font-semibold">Phone</dt>
        <dd>{application.phone}</dd>
        <dt className="font-semibold">Availability</dt>
        <dd className="whitespace-pre-wrap">{application.availability}</dd>
        <dt className="font-semibold">Co-op owner</dt>
        <dd>{application.isOwner ? "Yes (self-declared)" : "No"}</dd>
        <dt className="font-semibold">Applied</dt>
        <dd>{formatDateTime(application.createdAt)}</dd>
        <dt className="font-semibold">Résumé</dt>
        <dd>
          {resumeFile?.id ? (
            <a href={`/staff/jobs/applicants/${application.id}/resume`} download>
              Download {resumeFile.originalName}
            </a>
          ) : application.resumeText ? (
            "Pasted below"
          ) : (
            "None"
          )}
        </dd>
      </dl>
      {application.coverLetter && (
        <section aria-labelledby="cover-letter" className="mt-6 max-w-3xl">
          <h2 id="cover-letter" className="text-xl font-bold text-leaf-900">
            Cover letter
          </h2>
          <p className="mt-2 whitespace-pre-wrap">{application.coverLetter}</p>
        </section>
      )}
      {application.resumeText && (
        <section aria-labelledby="resume-text" className="mt-6 max-w-3xl">
          <h2 id="resume-text" className="text-xl font-bold text-leaf-900">
            Résumé (pasted)
          </h2>
          <pre className="mt-2 whitespace-pre-wrap break-words rounded-md border border-leaf-100 bg-white p-4 font-sans">{application.resumeText}</pre>
        </section>
      )}
      <h2 className="mt-8 text-xl font-bold text-leaf-900">Move along</h2>
      <ApplicantUpdateForm id={application.id} status={application.status} notes={application.notes} action={updateApplicantAction} />
    </>
  );
}
