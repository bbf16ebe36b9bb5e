import Link from "next/link";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { listMonographsForStaff } from "@/db/queries/monographs";
import { monographStatuses, type MonographStatus } from "@/lib/model/monographs";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/model/format";
import { monographCategoryList } from "@/lib/model/monographs";

export const metadata = { title: "Health library" };

type Props = { searchParams: Promise<{ category?: string; status?: string; stale?: string; deleted?: string }> };

const selectClass = "mt-1 block rounded-md border border-gray-400 bg-white px-2 py-1.5";

/** Two years before today, as an ISO day: monographs reviewed before it are due a review. */
function reviewDueBefore() {
  const date = new Date();
  date.setFullYear(date.getFullYear() - 2);
  return date.toISOString().slice(0, 10);
}

export default async function StaffMonographsPage({ searchParams }: Props) {
  await requirePageRole("staff", "/staff/monographs");
  const query = await searchParams;
  const category = monographCategoryList.some((c) => c.slug === query.category) ? query.category : undefined;
  const status = monographStatuses.includes(query.status as MonographStatus) ? (query.status as MonographStatus) : undefined;
  const stale = query.stale === "1";
  const rows = listMonographsForStaff({ category, status, staleBefore: stale ? reviewDueBefore() : undefined });
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold text-leaf-900">Health library</h1>
        <Link prefetch={false} href="/staff/monographs/new" className="rounded-md bg-leaf-800 px-4 py-2 font-semibold text-white no-underline hover:bg-leaf-900 hover:text-white">
          New monograph
        </Link>
      </div>
      {query.deleted && (
        <p role="status" className="mt-4 rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3">
          The monograph was deleted.
        </p>
      )}
      <form method="get" className="mt-4 flex flex-wrap items-end gap-4" aria-label="Filter monographs">
        <label className="text-sm font-semibold">
          Category
          <select name="category" defaultValue={category ?? ""} className={selectClass}>
            <option value="">All</option>
            {monographCategoryList.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          Status
          <select name="status" defaultValue={status ?? ""} className={selectClass}>
            <option value="">Any</option>
            <option value="published">Published</option>
            <option value="draft">Draft</option>
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm font-semibold">
          <input type="checkbox" name="stale" value="1" defaultChecked={stale} />
          Not reviewed in 2 years
        </label>
        <button type="submit" className="rounded-md bg-leaf-800 px-4 py-2 font-semibold text-white">
          Filter
        </button>
      </form>
      <p className="mt-4 text-sm" role="status">
        {rows.length} monograph{rows.length === 1 ? "" : "s"}
      </p>
      <DataTable caption="Monographs" headers={["Title", "Category", "Status", "Reviewed", "Last saved"]}>
        {rows.map((row) => (
          <tr key={row.id}>
            <td className={cellClass}>
              <Link prefetch={false} href={`/staff/monographs/${row.id}`}>{row.title}</Link>
            </td>
            <td className={cellClass}>{row.categoryName}</td>
            <td className={cellClass}>{row.status === "published" ? "Published" : "Draft"}</td>
            <td className={cellClass}>{row.reviewedAt ?? "never"}</td>
            <td className={cellClass}>{formatDateTime(row.updatedAt)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
