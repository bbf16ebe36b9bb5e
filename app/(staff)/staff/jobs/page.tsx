import { StaffJobList } from "@/components/jobs/staff-job-list";
import { QueryProvider } from "@/components/providers/query-provider";
import { ButtonLink } from "@/components/ui/button-link";
import { setJobStatusAction } from "@/lib/actions/jobs";
import { requirePageRole } from "@/lib/auth/session";
import { staffJobRows } from "@/lib/jobs/staff-list";

export const metadata = { title: "Jobs" };

type Props = { searchParams: Promise<{ deleted?: string }> };

export default async function StaffJobsPage({ searchParams }: Props) {
  await requirePageRole("staff", "/staff/jobs");
  const { deleted } = await searchParams;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold text-leaf-900">Jobs</h1>
        <ButtonLink href="/staff/jobs/new" prefetch={false}>
          Write a new posting
        </ButtonLink>
      </div>
      {deleted && (
        <p role="status" className="mt-4 rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3 font-semibold text-leaf-900">
          The draft was deleted.
        </p>
      )}
      <p className="mt-2 max-w-prose">
        Published postings show on the public jobs page, in its feed and to search engines until their closing date. Closing one keeps its
        page, marked closed, for people who saved the link.
      </p>
      <QueryProvider>
        <StaffJobList initial={staffJobRows()} setStatus={setJobStatusAction} />
      </QueryProvider>
    </>
  );
}
