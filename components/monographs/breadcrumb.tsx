import Link from "next/link";

export function MonographBreadcrumb({ categorySlug, categoryName, title }: { categorySlug: string; categoryName: string; title: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm">
      <ol className="flex flex-wrap gap-1">
        <li>
          <Link href="/health">Health library</Link>
          <span aria-hidden="true"> &gt; </span>
        </li>
        <li>
          <Link href={`/health#${categorySlug}`}>{categoryName}</Link>
          <span aria-hidden="true"> &gt; </span>
        </li>
        <li aria-current="page">{title}</li>
      </ol>
    </nav>
  );
}
