import Link from "next/link";
import { cellClass, DataTable } from "@/components/ui/data-table";
import type { OwnerListRow } from "@/db/queries/owners-directory";
import { formatCents, formatDay } from "@/lib/model/format";

/** Owners as staff list them: number, name and email, since when, equity paid, FLOWER. */
export function OwnerTable({ caption, rows }: { caption: string; rows: OwnerListRow[] }) {
  return (
    <DataTable caption={caption} headers={["Owner no.", "Name", "Owner since", "Equity paid", "FLOWER verified until"]}>
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
  );
}
