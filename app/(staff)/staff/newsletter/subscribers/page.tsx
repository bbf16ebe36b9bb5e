import Link from "next/link";
import { BouncedSubscribers } from "@/components/newsletter/bounced-subscribers";
import { StaffUnsubscribeButton } from "@/components/newsletter/staff-unsubscribe-button";
import { SubscriberGrowthChart } from "@/components/newsletter/subscriber-growth-chart";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { countSubscribersByStatus, listConsentSpans, listSubscribers } from "@/db/queries/newsletter-subscriber-list";
import { staffUnsubscribeAction } from "@/lib/actions/newsletter";
import { recordPersonalDataView } from "@/lib/audit/record-view";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/model/format";
import { confirmedSubscribersByMonth } from "@/lib/newsletter/subscriber-growth";
import { subscriberStatuses, subscriberStatusLabels, type SubscriberStatus } from "@/lib/model/newsletter";
import { pageFromQuery } from "@/lib/search-params";

export const metadata = { title: "Newsletter subscribers" };

const path = "/staff/newsletter/subscribers";
type Props = { searchParams: Promise<{ status?: string; page?: string }> };

const pillClass =
  "inline-block rounded-full border border-leaf-700 px-3 py-1 text-sm font-semibold no-underline aria-[current=page]:bg-leaf-800 aria-[current=page]:text-white";

/** Staff: who subscribed, when they signed up, confirmed and left; audited as a view of personal data. */
export default async function NewsletterSubscribersPage({ searchParams }: Props) {
  const staff = await requirePageRole("staff", path);
  const query = await searchParams;
  const status = subscriberStatuses.includes(query.status as SubscriberStatus) ? (query.status as SubscriberStatus) : undefined;
  await recordPersonalDataView(staff, { action: "newsletter_subscriber.view", subjectType: "newsletter_subscriber", subjectId: status ?? "all" });
  const { rows, hasMore, page } = listSubscribers({ status, page: pageFromQuery(query.page) });
  const counts = countSubscribersByStatus();
  const total = subscriberStatuses.reduce((sum, each) => sum + counts[each], 0);
  const link = (changes: { status?: string; page?: number }) => {
    const params = new URLSearchParams();
    const nextStatus = "status" in changes ? changes.status : status;
    if (nextStatus) params.set("status", nextStatus);
    if (changes.page && changes.page > 1) params.set("page", String(changes.page));
    return params.size ? `${path}?${params}` : path;
  };
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/newsletter">
          Newsletter
        </Link>{" "}
        › Subscribers
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">Newsletter subscribers</h1>
      <p className="mt-2">
        <a href={`${path}/export.csv`}>Download the confirmed subscribers (CSV, {counts.confirmed})</a> ·{" "}
        <a href="#bounced">Addresses that bounce</a> ·{" "}
        <Link prefetch={false} href="/staff/newsletter/import">
          Import an earlier mailing list
        </Link>
      </p>
      <SubscriberGrowthChart series={confirmedSubscribersByMonth(listConsentSpans(), new Date())} />
      <nav aria-label="Subscribers by status" className="mt-6">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link prefetch={false} href={link({ status: undefined })} aria-current={status === undefined ? "page" : undefined} className={pillClass}>
              All ({total})
            </Link>
          </li>
          {subscriberStatuses.map((each) => (
            <li key={each}>
              <Link prefetch={false} href={link({ status: each })} aria-current={status === each ? "page" : undefined} className={pillClass}>
                {subscriberStatusLabels[each]} ({counts[each]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <DataTable caption="Newsletter subscribers" headers={["Subscriber", "Status", "Signed up", "Confirmed", "Unsubscribed", ""]}>
        {rows.map((row) => (
          <tr key={row.id}>
            <td className={cellClass}>
              {row.email}
              {row.firstName && <div className="text-muted">{row.firstName}</div>}
            </td>
            <td className={cellClass}>{subscriberStatusLabels[row.status]}</td>
            <td className={cellClass}>{formatDateTime(row.signedUpAt)}</td>
            <td className={cellClass}>{formatDateTime(row.confirmedAt)}</td>
            <td className={cellClass}>{formatDateTime(row.unsubscribedAt)}</td>
            <td className={cellClass}>
              {row.status !== "unsubscribed" && <StaffUnsubscribeButton action={staffUnsubscribeAction} subscriberId={row.id} email={row.email} />}
            </td>
          </tr>
        ))}
      </DataTable>
      {rows.length === 0 && <p className="mt-4">No subscribers match.</p>}
      <nav aria-label="Subscriber pages" className="mt-4 flex gap-4">
        {page > 1 && (
          <Link prefetch={false} href={link({ page: page - 1 })}>
            Previous page
          </Link>
        )}
        {hasMore && (
          <Link prefetch={false} href={link({ page: page + 1 })}>
            Next page
          </Link>
        )}
      </nav>
      <BouncedSubscribers />
    </>
  );
}
