import Link from "next/link";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { selectClass } from "@/components/ui/select";
import { countOwnerApplicationsByStatus } from "@/db/queries/owner-application-queue";
import { listOwners } from "@/db/queries/owners-directory";
import { requirePageRole } from "@/lib/auth/session";
import { formatCents, formatDay } from "@/lib/format";

export const metadata = { title: "Owners" };

type Props = { searchParams: Promise<{ q?: string; page?: string }> };

export default async function OwnersPage({ searchParams }: Props) {
  await requirePageRole("staff", "/staff/owners");
  const query = await searchParams;
  const search = query.q?.slice(0, 100) || undefined;
  const { rows, hasMore, page } = listOwners({ search, page: Number.parseInt(query.page ?? "1", 10) || 1 });
  const waiting = countOwnerApplicationsByStatus({}).submitted;
  const pageLink = (target: number) => `/staff/owners?${new URLSearchParams({ ...(search && { q: search }), page: String(target) })}`;
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Owners</h1>
      <p className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        <Link prefetch={false} href="/staff/owners/applications">
          Applications waiting for review: {waiting}
        </Link>
        <a href="/staff/owners/export.csv" download>
          Export owners as CSV (for the point-of-sale import)
        </a>
      </p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-4" role="search" aria-label="Find an owner">
        <label className="text-sm font-semibold">
          Name, email or owner number
          <input name="q" type="search" defaultValue={search} className={selectClass} />
        </label>
        <button type="submit" className="rounded-md bg-leaf-800 px-4 py-2 font-semibold text-white">
          Find
        </button>
      </form>
      <DataTable caption="Owners, newest first" headers={["Owner no.", "Name", "Owner since", "Equity paid", "FLOWER verified until"]}>
        {rows.map((row) => (
          <tr key={row.id}>
            <td className={cellClass}>{row.ownerNumber}</td>
            <td className={cellClass}>
              <Link prefetch={false} href={`/staff/owners/${row.id}`}>
                {row.name}
              </Link>
              <div className="text-muted">{row.email}</div>
            </td>
            <td className={cellClass}>{formatDay(row.joinedOn)}</td>
            <td className={cellClass}>
              {formatCents(row.paidCents)}
              {row.equityPlan && <> of {formatCents(row.equityPlan.totalCents)}</>}
            </td>
            <td className={cellClass}>{row.flowerVerifiedUntil ? formatDay(row.flowerVerifiedUntil) : "—"}</td>
          </tr>
        ))}
      </DataTable>
      {rows.length === 0 && <p className="mt-4">No owners match.</p>}
      <nav aria-label="Owner pages" className="mt-4 flex gap-4">
        {page > 1 && (
          <Link prefetch={false} href={pageLink(page - 1)}>
            Previous page
          </Link>
        )}
        {hasMore && (
          <Link prefetch={false} href={pageLink(page + 1)}>
            Next page
          </Link>
        )}
      </nav>
    </>
  );
}
