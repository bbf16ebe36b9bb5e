"use client";

import { useActionState } from "react";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { deleteNewsletterIssueAction } from "@/lib/actions/newsletter-issues";
import { formatDay } from "@/lib/model/format";
import { formatFileSize, issuePdfPath } from "@/lib/newsletter/issue-files";

export type StaffIssueRow = { id: number; slug: string; title: string; issuedOn: string; sizeBytes: number };

/** Staff: the issues, newest first, each with its PDF and a delete button (after a confirmation). */
export function StaffIssueList({ issues, deleteAction }: { issues: StaffIssueRow[]; deleteAction: typeof deleteNewsletterIssueAction }) {
  const [result, formAction] = useActionState(deleteAction, null);
  const confirmDelete = (title: string) => (event: React.FormEvent<HTMLFormElement>) => {
    if (!window.confirm(`Delete “${title}”? Its PDF is removed from the site and its feed.`)) event.preventDefault();
  };
  return (
    <>
      <FormMessage result={result} />
      {issues.length === 0 ? (
        <p className="mt-4">No issue yet: the public page says so and points readers to the store.</p>
      ) : (
        <DataTable caption="Issues of The Rutabaga Rap, newest first" headers={["Date", "Title", "PDF", "Actions"]}>
          {issues.map((issue) => (
            <tr key={issue.id}>
              <td className={cellClass}>
                <time dateTime={issue.issuedOn}>{formatDay(issue.issuedOn)}</time>
              </td>
              <td className={cellClass}>{issue.title}</td>
              <td className={cellClass}>
                <a href={issuePdfPath(issue.slug)} type="application/pdf">
                  Open<span className="sr-only"> {issue.title}</span>
                </a>{" "}
                ({formatFileSize(issue.sizeBytes)})
              </td>
              <td className={cellClass}>
                <form action={formAction} onSubmit={confirmDelete(issue.title)}>
                  <input type="hidden" name="id" value={issue.id} />
                  <SubmitButton variant="danger" pendingLabel="Deleting…">
                    Delete<span className="sr-only"> {issue.title}</span>
                  </SubmitButton>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
