"use client";

import Link from "next/link";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/model/format";
import { campaignStatusLabels } from "@/lib/newsletter/campaign-labels";
import type { StaffCampaignRow } from "@/lib/newsletter/staff-campaigns";
import { CampaignProgressBar } from "./campaign-progress-bar";
import { useStaffCampaigns } from "./use-campaigns";

/** Staff's list of campaigns: state, progress of those going out (refreshing), dates. */
export function StaffCampaignList({ initial }: { initial: StaffCampaignRow[] }) {
  const { data: rows } = useStaffCampaigns(initial);
  if (rows.length === 0) return <p className="mt-6">No campaigns yet. Write the first one.</p>;
  return (
    <DataTable caption="Newsletter campaigns" headers={["Campaign", "State", "Progress", "Dates"]}>
      {rows.map((row) => (
        <tr key={row.id}>
          <td className={cellClass}>
            <Link prefetch={false} href={`/staff/newsletter/campaigns/${row.id}`}>
              {row.subject}
            </Link>
            {row.status === "sent" && row.slug && (
              <div>
                <a href={`/newsletter/emails/${row.slug}`} className="text-sm">
                  Public archive page
                </a>
              </div>
            )}
          </td>
          <td className={cellClass}>{campaignStatusLabels[row.status]}</td>
          <td className={cellClass}>{row.progress ? <CampaignProgressBar progress={row.progress} label={`Progress of ${row.subject}`} /> : "Not sent yet"}</td>
          <td className={cellClass}>
            {row.sentAt ? `Sent ${formatDateTime(row.sentAt)}` : row.sendStartedAt ? `Started ${formatDateTime(row.sendStartedAt)}` : row.sendAt ? `Scheduled for ${formatDateTime(row.sendAt)}` : `Edited ${formatDateTime(row.updatedAt)}`}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
