import Link from "next/link";
import { OwnerSearch } from "@/components/owners/owner-search";
import { OwnerTable } from "@/components/owners/owner-table";
import { countOwnerApplicationsByStatus } from "@/db/queries/owner-application-queue";
import { listOwners } from "@/db/queries/owners-directory";
import { findOwnersAction } from "@/lib/actions/owners";
import { recordPersonalDataView } from "@/lib/audit/record-view";
import { requirePageRole } from "@/lib/auth/session";
import { pageFromQuery } from "@/lib/search-params";

export const metadata = { title: "Owners" };

type Props = { searchParams: Promise<{ page?: string }> };

export default async function OwnersPage({ searchParams }: Props) {
  const staff = await requirePageRole("staff", "/staff/owners");
  const { rows, hasMore, page } = listOwners({ page: pageFromQuery((await searchParams).page) });
  await recordPersonalDataView(staff, { action: "owner.view", subjectType: "owner", subjectId: "list", detail: { page, rows: rows.length } });
  const waiting = countOwnerApplicationsByStatus({}).submitted;
  const pageLink = (target: number) => `/staff/owners?page=${target}`;
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
      <OwnerSearch find={findOwnersAction} />
      <h2 className="mt-8 text-xl font-bold text-leaf-900">All owners</h2>
      <OwnerTable caption="Owners, newest first" rows={rows} />
      {rows.length === 0 && <p className="mt-4">No owners yet.</p>}
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
