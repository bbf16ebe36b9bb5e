import Link from "next/link";
import { IssueUploadForm } from "@/components/newsletter/issue-upload-form";
import { StaffIssueList } from "@/components/newsletter/staff-issue-list";
import { listNewsletterIssues } from "@/db/queries/newsletter-issues";
import { deleteNewsletterIssueAction } from "@/lib/actions/newsletter-issues";
import { requirePageRole } from "@/lib/auth/session";
import { storeDay } from "@/lib/model/format";
import { takeReturnedForm } from "@/lib/uploads/returned-forms";

const PAGE = "/staff/newsletter/issues";

export const metadata = { title: "The Rutabaga Rap" };

/**
 * Staff: upload issues of the printed newsletter (to their upload route; an upload sent
 * without JavaScript comes back here with the route's answer) and delete them.
 */
export default async function StaffNewsletterIssuesPage() {
  await requirePageRole("staff", PAGE);
  const returned = await takeReturnedForm(PAGE);
  const issues = listNewsletterIssues().map(({ id, slug, title, issuedOn, sizeBytes }) => ({ id, slug, title, issuedOn, sizeBytes }));
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">The Rutabaga Rap</h1>
      <p className="mt-2 max-w-prose">
        Each issue you upload appears at once on the public <Link href="/newsletter/issues">list of issues</Link> and in its feed. The one with the
        latest date is the “Latest issue” every page links to.
      </p>
      <section aria-labelledby="upload-heading" className="mt-8">
        <h2 id="upload-heading" className="text-xl font-bold text-leaf-900">
          Upload an issue
        </h2>
        <IssueUploadForm route="/api/staff/newsletter/issues" today={storeDay()} initial={returned} />
      </section>
      <section aria-labelledby="issues-heading" className="mt-10">
        <h2 id="issues-heading" className="text-xl font-bold text-leaf-900">
          Issues
        </h2>
        <StaffIssueList issues={issues} deleteAction={deleteNewsletterIssueAction} />
      </section>
    </>
  );
}
