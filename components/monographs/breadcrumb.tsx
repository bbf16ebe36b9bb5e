import { Breadcrumb } from "@/components/ui/breadcrumb";

/** Health library > the category > the monograph. */
export function MonographBreadcrumb({ categorySlug, categoryName, title }: { categorySlug: string; categoryName: string; title: string }) {
  return (
    <Breadcrumb
      trail={[
        { href: "/health", label: "Health library" },
        { href: `/health#${categorySlug}`, label: categoryName },
      ]}
      current={title}
    />
  );
}
