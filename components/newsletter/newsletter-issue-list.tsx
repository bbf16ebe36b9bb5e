import { formatDay } from "@/lib/model/format";
import type { PublicNewsletterIssue } from "@/lib/newsletter/cached-issues";
import { formatFileSize, issuePdfPath } from "@/lib/newsletter/issue-files";

/**
 * The public list of issues, newest first. The newest carries `id="latest"`: the
 * aside's "Latest issue" link on every page is `/newsletter/issues#latest`.
 */
export function NewsletterIssueList({ issues }: { issues: PublicNewsletterIssue[] }) {
  return (
    <ol className="mt-6 space-y-4" aria-label="Issues, newest first">
      {issues.map((issue, index) => (
        <li key={issue.slug} id={index === 0 ? "latest" : undefined} className="scroll-mt-6 rounded-lg border border-leaf-100 bg-white p-5">
          <article aria-labelledby={`issue-${issue.slug}`}>
            <p className="text-sm text-muted">
              <time dateTime={issue.issuedOn}>{formatDay(issue.issuedOn)}</time>
              {index === 0 && <span className="ml-2 rounded bg-leaf-50 px-2 py-0.5 font-semibold text-leaf-900">Latest issue</span>}
            </p>
            <h2 id={`issue-${issue.slug}`} className="mt-1 text-xl font-bold text-leaf-900">
              {issue.title}
            </h2>
            {issue.summary && <p className="mt-2 max-w-prose whitespace-pre-line">{issue.summary}</p>}
            <p className="mt-3">
              {/* A plain link: a PDF is not a page for the router to prefetch. */}
              <a href={issuePdfPath(issue.slug)} type="application/pdf" className="font-semibold">
                Read or download<span className="sr-only"> {issue.title}</span>
              </a>{" "}
              <span className="text-sm text-muted">(PDF, {formatFileSize(issue.sizeBytes)})</span>
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
