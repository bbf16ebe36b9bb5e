import Link from "next/link";

/** Job openings > the posting > where the applicant is now. */
export function ApplicationBreadcrumb({ slug, title, current }: { slug: string; title: string; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm">
      <ol className="flex flex-wrap gap-1">
        <li>
          <Link href="/jobs">Job openings</Link>
          <span aria-hidden="true"> &gt; </span>
        </li>
        <li>
          <Link href={`/jobs/${slug}`}>{title}</Link>
          <span aria-hidden="true"> &gt; </span>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
