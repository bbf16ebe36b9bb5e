import Link from "next/link";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { listPages } from "@/db/queries/site";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/model/format";

export const metadata = { title: "Pages" };

export default async function StaffPagesList() {
  await requirePageRole("staff", "/staff/pages");
  const pages = listPages();
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Pages</h1>
      <p className="mt-2 max-w-prose">
        The site&apos;s content pages. Their addresses stay fixed so links keep working; edit the title and text.
      </p>
      <DataTable caption="Content pages" headers={["Title", "Address", "Last updated"]}>
        {pages.map((page) => (
          <tr key={page.slug}>
            <td className={cellClass}>
              <Link prefetch={false} href={`/staff/pages/${page.slug}`}>{page.title}</Link>
            </td>
            <td className={cellClass}>
              <Link href={`/${page.slug}`}>/{page.slug}</Link>
            </td>
            <td className={cellClass}>{formatDateTime(page.updatedAt)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
