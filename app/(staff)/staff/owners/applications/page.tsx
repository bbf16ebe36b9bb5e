import Link from "next/link";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { Select, selectClass } from "@/components/ui/select";
import { countOwnerApplicationsByStatus, listOwnerApplications, type ApplicationQueueFilter } from "@/db/queries/owner-application-queue";
import { ownerApplicationStatuses, type OwnerApplicationStatus } from "@/lib/model/owners";
import { recordPersonalDataView } from "@/lib/audit/record-view";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime, nextDay, startOfStoreDay } from "@/lib/model/format";
import { applicationStatusLabels } from "@/lib/owners/labels";
import { pageFromQuery } from "@/lib/search-params";

export const metadata = { title: "Owner applications" };

type Query = { status?: string; flower?: string; from?: string; to?: string; page?: string };
type Props = { searchParams: Promise<Query> };

const isDay = (value: string | undefined): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/** The filter as the URL gives it; anything malformed is ignored rather than an error. */
function filterOf(query: Query): ApplicationQueueFilter & { fromDay?: string; toDay?: string } {
  const status = ownerApplicationStatuses.includes(query.status as OwnerApplicationStatus) ? (query.status as OwnerApplicationStatus) : undefined;
  const fromDay = isDay(query.from) ? query.from : undefined;
  const toDay = isDay(query.to) ? query.to : undefined;
  return {
    status: query.status === "all" ? undefined : (status ?? "submitted"),
    flower: query.flower === "yes" || query.flower === "no" ? query.flower : undefined,
    from: fromDay ? startOfStoreDay(fromDay) : undefined,
    until: toDay ? startOfStoreDay(nextDay(toDay)) : undefined,
    page: pageFromQuery(query.page),
    fromDay,
    toDay,
  };
}

export default async function OwnerApplicationsPage({ searchParams }: Props) {
  const staff = await requirePageRole("staff", "/staff/owners/applications");
  const query = await searchParams;
  const filter = filterOf(query);
  const { rows, hasMore, page } = listOwnerApplications(filter);
  await recordPersonalDataView(staff, { action: "owner_application.view", subjectType: "owner_application", subjectId: "queue", detail: { page, rows: rows.length } });
  const counts = countOwnerApplicationsByStatus(filter);
  const link = (changes: Partial<Query>) => {
    const params = new URLSearchParams(
      Object.entries({ status: filter.status ?? "all", flower: filter.flower, from: filter.fromDay, to: filter.toDay, ...changes }).filter(
        (entry): entry is [string, string] => !!entry[1],
      ),
    );
    return `/staff/owners/applications?${params}`;
  };
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/owners">
          Owners
        </Link>{" "}
        › Applications
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">Owner applications</h1>
      <nav aria-label="Applications by status" className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {ownerApplicationStatuses.map((status) => (
            <li key={status}>
              <Link
                prefetch={false}
                href={link({ status, page: undefined })}
                aria-current={filter.status === status ? "page" : undefined}
                className="inline-block rounded-full border border-leaf-700 px-3 py-1 text-sm font-semibold no-underline aria-[current=page]:bg-leaf-800 aria-[current=page]:text-white"
              >
                {applicationStatusLabels[status]} ({counts[status]})
              </Link>
            </li>
          ))}
          <li>
            <Link
              prefetch={false}
              href={link({ status: "all", page: undefined })}
              aria-current={filter.status === undefined ? "page" : undefined}
              className="inline-block rounded-full border border-leaf-700 px-3 py-1 text-sm font-semibold no-underline aria-[current=page]:bg-leaf-800 aria-[current=page]:text-white"
            >
              All ({counts.submitted + counts.approved + counts.declined})
            </Link>
          </li>
        </ul>
      </nav>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-4" role="search" aria-label="Filter applications">
        <input type="hidden" name="status" value={filter.status ?? "all"} />
        <Select label="FLOWER discount" name="flower" defaultValue={filter.flower ?? ""}>
          <option value="">Either</option>
          <option value="yes">Asked for</option>
          <option value="no">Not asked for</option>
        </Select>
        <label className="text-sm font-semibold">
          Submitted from
          <input type="date" name="from" defaultValue={filter.fromDay} className={selectClass} />
        </label>
        <label className="text-sm font-semibold">
          to
          <input type="date" name="to" defaultValue={filter.toDay} className={selectClass} />
        </label>
        <button type="submit" className="rounded-md bg-leaf-800 px-4 py-2 font-semibold text-white">
          Filter
        </button>
      </form>
      <DataTable caption="Owner applications" headers={["No.", "Applicant", "Submitted", "Household", "FLOWER", "Status"]}>
        {rows.map((row) => (
          <tr key={row.id}>
            <td className={cellClass}>{row.id}</td>
            <td className={cellClass}>
              <Link prefetch={false} href={`/staff/owners/applications/${row.id}`}>
                {row.name}
              </Link>
              <div className="text-muted">{row.email}</div>
            </td>
            <td className={cellClass}>{formatDateTime(row.submittedAt)}</td>
            <td className={cellClass}>{row.householdSize === 0 ? "Just them" : `+${row.householdSize}`}</td>
            <td className={cellClass}>{row.flowerPrograms.length > 0 ? "Asked for" : "—"}</td>
            <td className={cellClass}>{applicationStatusLabels[row.status]}</td>
          </tr>
        ))}
      </DataTable>
      {rows.length === 0 && <p className="mt-4">No applications match.</p>}
      <nav aria-label="Application pages" className="mt-4 flex gap-4">
        {page > 1 && (
          <Link prefetch={false} href={link({ page: String(page - 1) })}>
            Previous page
          </Link>
        )}
        {hasMore && (
          <Link prefetch={false} href={link({ page: String(page + 1) })}>
            Next page
          </Link>
        )}
      </nav>
    </>
  );
}
