import Link from "next/link";
import { RetryEmailButton } from "@/components/staff/retry-email-button";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { countOutboxByStatus, listOutbox } from "@/db/queries/email";
import { emailStatuses, type EmailStatus } from "@/lib/model/email";
import { retryEmailAction } from "@/lib/actions/email";
import { recordPersonalDataView } from "@/lib/audit/record-view";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/model/format";

export const metadata = { title: "Outbox" };

type Props = { searchParams: Promise<{ status?: string }> };

export default async function OutboxPage({ searchParams }: Props) {
  const admin = await requirePageRole("admin", "/staff/outbox");
  const requested = (await searchParams).status;
  const status = emailStatuses.includes(requested as EmailStatus) ? (requested as EmailStatus) : undefined;
  // The list shows recipients' addresses.
  await recordPersonalDataView(admin, { action: "outbox.view", subjectType: "outbox", subjectId: status ?? "all" });
  const counts = countOutboxByStatus();
  const messages = listOutbox(status);
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Outbox</h1>
      <p className="mt-2 max-w-prose">
        Every email the portal sends passes through this queue. A message that cannot be delivered is retried with
        growing pauses and marked failed after several attempts; retry it here once the cause is fixed.
      </p>
      <nav aria-label="Filter by status" className="mt-4 flex flex-wrap gap-3 text-sm">
        <Link prefetch={false} href="/staff/outbox" aria-current={status ? undefined : "page"}>
          All
        </Link>
        {emailStatuses.map((value) => (
          <Link key={value} prefetch={false} href={`/staff/outbox?status=${value}`} aria-current={status === value ? "page" : undefined}>
            {value} ({counts[value] ?? 0})
          </Link>
        ))}
      </nav>
      <DataTable caption="Email messages, newest first" headers={["Queued", "To", "Subject", "Status", "Attempts", "Last error", "Action"]}>
        {messages.map((message) => (
          <tr key={message.id}>
            <td className={cellClass}>{formatDateTime(message.createdAt)}</td>
            <td className={cellClass}>{message.to}</td>
            <td className={cellClass}>
              <Link prefetch={false} href={`/staff/outbox/${message.id}`}>
                {message.subject}
              </Link>
            </td>
            <td className={cellClass}>
              {message.status}
              {message.status === "sent" && <> {formatDateTime(message.sentAt)}</>}
              {message.status === "queued" && message.attempts > 0 && <> (next try {formatDateTime(message.nextTryAt)})</>}
            </td>
            <td className={cellClass}>{message.attempts}</td>
            <td className={`${cellClass} text-xs`}>{message.lastError ?? ""}</td>
            <td className={cellClass}>{message.status === "failed" && <RetryEmailButton action={retryEmailAction} id={message.id} />}</td>
          </tr>
        ))}
      </DataTable>
      {messages.length === 0 && <p className="mt-4">No messages{status ? ` with status ${status}` : ""}.</p>}
    </>
  );
}
