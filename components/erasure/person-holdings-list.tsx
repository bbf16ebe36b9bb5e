import type { PersonHoldings } from "@/db/queries/erasure-holdings";
import { roleLabels } from "@/lib/model/users";
import { subscriberStatusLabels } from "@/lib/model/newsletter";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** What one address holds, kind by kind, as counts: what goes when it is erased. Nothing of anyone's answers is shown. */
export function PersonHoldingsList({ holdings }: { holdings: PersonHoldings }) {
  const { account, ownerApplications: applications, emails } = holdings;
  const rows: [string, string][] = [
    ["Account", account ? `${roleLabels[account.role]}${account.ownerNumber !== null ? `, primary owner of no. ${account.ownerNumber}` : ""}` : "None"],
    ["Newsletter", holdings.newsletter ? subscriberStatusLabels[holdings.newsletter] : "Not signed up"],
    ["Job applications", String(holdings.jobApplications)],
    ["Owner applications", `${applications.submitted} waiting, ${applications.declined} declined, ${applications.approved} approved (an approved one stays with its ownership)`],
    ["Households", `${plural(holdings.householdMemberships, "membership")}, ${plural(holdings.householdInvitations, "invitation")}`],
    ["Named in others’ owner applications", `${holdings.householdListings} (the name stays, the address goes)`],
    ["Emails to this address", `${emails.queued + emails.sending} waiting, ${emails.sent} sent, ${emails.failed} failed`],
    ["Abuse-limit counters", String(holdings.limitCounters)],
    ["Audit log entries naming it", `${holdings.auditEntries} (they will say “(erased)” instead)`],
  ];
  return (
    <dl className="mt-4 grid gap-x-6 gap-y-1 rounded-lg border border-leaf-100 bg-white p-4 sm:grid-cols-[auto_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-semibold">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
