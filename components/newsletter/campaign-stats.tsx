/**
 * A campaign's honest numbers once it went out: how many it was counted for when sending
 * started, how many the mail server accepted, how many failed (and of those, bounced), and how many left its
 * lists through its own unsubscribe link. Nothing here comes from tracking readers: there
 * are no open pixels and no rewritten links.
 */
export function CampaignStats({
  recipientCount,
  sent,
  failed,
  bounced,
  unsubscribed,
}: {
  recipientCount: number | null;
  sent: number;
  failed: number;
  bounced: number;
  unsubscribed: number;
}) {
  const rows: [string, number | null, string][] = [
    ["Recipients when sending started", recipientCount, "Counted once, as it started; anyone who left meanwhile was skipped."],
    ["Sent", sent, "Accepted by the receiving mail server."],
    ["Failed", failed, "Refused or undeliverable; retry them from the outbox."],
    ["Bounced", bounced, "Of those failed: the address was refused, and gets nothing more until cleared on the subscribers page."],
    ["Unsubscribed from it", unsubscribed, "Left its lists with this campaign’s own link."],
  ];
  return (
    <section aria-labelledby="stats-heading" className="mt-6 max-w-3xl">
      <h2 id="stats-heading" className="text-xl font-bold text-leaf-900">
        Statistics
      </h2>
      <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_max-content_1fr]">
        {rows.map(([label, value, hint]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd data-stat={label}>{value === null ? "not recorded" : value.toLocaleString("en-US")}</dd>
            <dd className="text-sm text-muted">{hint}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-sm text-muted">No opens or clicks are counted: the emails carry no tracking pixel and no rewritten links.</p>
    </section>
  );
}
