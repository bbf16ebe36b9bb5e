import { ClearBounceButton } from "@/components/newsletter/clear-bounce-button";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { BOUNCED_PAGE_SIZE, countBouncedSubscribers, listBouncedSubscribers } from "@/db/queries/newsletter-bounces";
import { clearBounceAction } from "@/lib/actions/newsletter-bounces";
import { formatDateTime } from "@/lib/model/format";
import { subscriberStatusLabels } from "@/lib/model/newsletter";

/** Staff: the addresses mail servers refused, which get no newsletter until cleared. */
export function BouncedSubscribers() {
  const total = countBouncedSubscribers();
  const rows = listBouncedSubscribers();
  return (
    <section id="bounced" aria-labelledby="bounced-heading" className="mt-8">
      <h2 id="bounced-heading" className="text-2xl font-bold text-leaf-900">
        Addresses that bounce ({total})
      </h2>
      <p className="mt-2 max-w-prose">
        A mail server refused these addresses for good, or kept refusing them for a while. They get no newsletter email until you clear them; sign-in
        and confirmation emails are still sent when the person asks. Clear an address once its owner says their mailbox works again.
      </p>
      {total === 0 ? (
        <p className="mt-2">No address bounces.</p>
      ) : (
        <>
          <DataTable caption="Addresses that bounce" headers={["Address", "Status", "Bounced", "What the mail server said", ""]}>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className={cellClass}>{row.email}</td>
                <td className={cellClass}>{subscriberStatusLabels[row.status]}</td>
                <td className={cellClass}>{formatDateTime(row.bouncedAt)}</td>
                <td className={`${cellClass} break-words`}>{row.bounceReason}</td>
                <td className={cellClass}>
                  <ClearBounceButton action={clearBounceAction} subscriberId={row.id} email={row.email} />
                </td>
              </tr>
            ))}
          </DataTable>
          {total > BOUNCED_PAGE_SIZE && <p className="mt-2">The {BOUNCED_PAGE_SIZE} most recent are shown; clear them to see older ones.</p>}
        </>
      )}
    </section>
  );
}
