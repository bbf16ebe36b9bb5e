import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JobEditor } from "@/components/jobs/job-editor";
import { ApplicantList } from "@/components/jobs/applicant-list";
import { JobStateControls } from "@/components/jobs/job-state-controls";
import { QueryProvider } from "@/components/providers/query-provider";
import { listApplicationsForJob } from "@/db/queries/job-applications";
import { updateApplicantAction } from "@/lib/actions/job-applicant-review";
import { applicantRows } from "@/lib/jobs/applicant-rows";
import { getJobById } from "@/db/queries/jobs";
import { deleteDraftJobAction, setJobStatusAction, updateJobAction } from "@/lib/actions/jobs";
import { recordPersonalDataView } from "@/lib/audit/record-view";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Job posting" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function StaffJobPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requirePageRole("staff", `/staff/jobs/${id}`);
  const job = /^\d{1,12}$/.test(id) ? getJobById(Number(id)) : null;
  if (!job) notFound();
  const applicants = applicantRows(listApplicationsForJob(job.id));
  // The list's later refreshes (React Query) continue this one view; they are not logged again.
  await recordPersonalDataView(staff, { action: "job_application.view", subjectType: "job", subjectId: String(job.id), detail: { rows: applicants.length } });
  const { created } = await searchParams;
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/jobs">
          Jobs
        </Link>{" "}
        › {job.title}
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">{job.title}</h1>
      {created && (
        <p role="status" className="mt-4 rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3 font-semibold text-leaf-900">
          Draft saved. Publish it when it is ready.
        </p>
      )}
      {job.status !== "draft" && (
        <p className="mt-2">
          Public page: <a href={`/jobs/${job.slug}`}>/jobs/{job.slug}</a>
        </p>
      )}
      <JobStateControls id={job.id} status={job.status} deletable={!job.publishedAt} setStatus={setJobStatusAction} deleteDraft={deleteDraftJobAction} />
      <section aria-labelledby="applicants-heading" className="mt-8">
        <h2 id="applicants-heading" className="text-xl font-bold text-leaf-900">
          Applicants
        </h2>
        <QueryProvider>
          <ApplicantList jobId={job.id} initial={applicants} update={updateApplicantAction} />
        </QueryProvider>
      </section>
      <details className="mt-8" open={job.status === "draft"}>
        <summary className="cursor-pointer text-xl font-bold text-leaf-900">Edit the posting</summary>
        <JobEditor action={updateJobAction} slugLocked={Boolean(job.publishedAt)} job={job} />
      </details>
    </>
  );
}
