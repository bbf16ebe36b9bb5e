import { Breadcrumb } from "@/components/ui/breadcrumb";

/** Job openings > the posting > where the applicant is now. */
export function ApplicationBreadcrumb({ slug, title, current }: { slug: string; title: string; current: string }) {
  return (
    <Breadcrumb
      trail={[
        { href: "/jobs", label: "Job openings" },
        { href: `/jobs/${slug}`, label: title },
      ]}
      current={current}
    />
  );
}
