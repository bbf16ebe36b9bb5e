import type { HouseholdMemberStatus } from "@/db/queries/owner-households";
import { householdMemberStatusLabels } from "@/lib/owners/labels";

/** The household as it stands: who said yes, who is still invited, whose invitation lapsed. */
export function HouseholdMembersList({ members, showEmail = false }: { members: { id: number; name: string; email: string | null; status: HouseholdMemberStatus }[]; showEmail?: boolean }) {
  if (members.length === 0) return <p className="mt-2">Nobody besides the primary owner.</p>;
  return (
    <ul className="mt-2 list-disc pl-6">
      {members.map((member) => (
        <li key={member.id}>
          {member.name}
          {showEmail && member.email && <span className="break-all text-muted"> ({member.email})</span>} — {householdMemberStatusLabels[member.status]}
        </li>
      ))}
    </ul>
  );
}
