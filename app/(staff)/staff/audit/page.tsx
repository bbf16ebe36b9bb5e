import Link from "next/link";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { listAuditEntries, listAuditFacets } from "@/db/queries/audit";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/model/format";
import { pageFromQuery, queryText } from "@/lib/search-params";
import { selectClass } from "@/components/ui/select";

export const metadata = { title: "Audit log" };

type Props = { searchParams: Promise<{ actor?: string; action?: string; subject?: string; page?: string }> };

export default async function AuditPage({ searchParams }: Props) {
  await requirePageRole("admin", "/staff/audit");
  const query = await searchParams;
  const filter = {
    actor: queryText(query.actor),
    action: queryText(query.action),
    subjectType: queryText(query.subject),
    page: pageFromQuery(query.page),
  };
  const { rows, hasMore, page } = listAuditEntries(filter);
  const facets = listAuditFacets();
  const pageLink = (target: number) => {
    const params = new URLSearchParams({ ...(filter.actor && { actor: filter.actor }), ...(filter.action && { action: filter.action }), ...(filter.subjectType && { subject: filter.subjectType }), page: String(target) });
    return `/staff/audit?${params}`;
  };
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Audit log</h1>
      <p className="mt-2 max-w-prose">Who changed what, and when. Entries are never edited or removed.</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-4" role="search" aria-label="Filter the audit log">
        <label className="text-sm font-semibold">
          Person (email contains)
          <input name="actor" defaultValue={filter.actor} className={selectClass} />
        </label>
        <label className="text-sm font-semibold">
          Action
          <select name="action" defaultValue={filter.action ?? ""} className={selectClass}>
            <option value="">Any</option>
            {facets.actions.map((action) => (
              <option key={action}>{action}</option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          Record type
          <select name="subject" defaultValue={filter.subjectType ?? ""} className={selectClass}>
            <option value="">Any</option>
            {facets.subjectTypes.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-leaf-800 px-4 py-2 font-semibold text-white">
          Filter
        </button>
      </form>
      <DataTable caption="Audit entries, newest first" headers={["When", "Who", "Action", "Record", "Details"]}>
        {rows.map((entry) => (
          <tr key={entry.id}>
            <td className={cellClass}>{formatDateTime(entry.at)}</td>
            <td className={cellClass}>{entry.actorEmail ?? "system"}</td>
            <td className={cellClass}>{entry.action}</td>
            <td className={cellClass}>
              {entry.subjectType} {entry.subjectId}
            </td>
            <td className={`${cellClass} font-mono text-xs`}>{entry.detail ? JSON.stringify(entry.detail) : ""}</td>
          </tr>
        ))}
      </DataTable>
      {rows.length === 0 && <p className="mt-4">No entries match.</p>}
      <nav aria-label="Audit log pages" className="mt-4 flex gap-4">
        {page > 1 && <Link href={pageLink(page - 1)}>Newer entries</Link>}
        {hasMore && <Link href={pageLink(page + 1)}>Older entries</Link>}
      </nav>
    </>
  );
}
