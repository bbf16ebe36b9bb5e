import "server-only";
import { getCampaignProgress, listCampaignsForStaff } from "@/db/queries/newsletter-campaigns";
import type { CampaignProgress } from "@/db/queries/newsletter-deliveries";
import type { CampaignStatus } from "@/lib/model/newsletter";

export type { CampaignProgress };

/** One row of the staff list as it travels to the browser (dates as ISO strings). */
export type StaffCampaignRow = {
  id: number;
  subject: string;
  slug: string | null;
  status: CampaignStatus;
  updatedAt: string;
  sendStartedAt: string | null;
  sentAt: string | null;
  /** A draft's scheduled start, if any. */
  sendAt: string | null;
  progress: CampaignProgress | null;
};

export function staffCampaignRows(): StaffCampaignRow[] {
  return listCampaignsForStaff().map((row) => ({
    ...row,
    updatedAt: row.updatedAt.toISOString(),
    sendStartedAt: row.sendStartedAt?.toISOString() ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
    sendAt: row.sendAt?.toISOString() ?? null,
  }));
}

/** A campaign's state and progress as the staff page polls it; null for an unknown id. */
export type CampaignProgressView = { status: CampaignStatus; progress: CampaignProgress | null };

export function campaignProgressView(id: number): CampaignProgressView | null {
  return getCampaignProgress(id);
}
