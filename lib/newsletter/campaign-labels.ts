import type { CampaignStatus } from "@/lib/model/newsletter";

export const campaignStatusLabels: Record<CampaignStatus, string> = { draft: "Draft", sending: "Sending", sent: "Sent" };

type Progress = { sent: number; failed: number; queued: number; remaining: number; total: number };

/** "312 of 500 sent", with what is still leaving and what failed. Client-safe. */
export function describeProgress(progress: Progress) {
  const parts = [`${progress.sent.toLocaleString("en-US")} of ${progress.total.toLocaleString("en-US")} sent`];
  const waiting = progress.queued + progress.remaining;
  if (waiting > 0) parts.push(`${waiting.toLocaleString("en-US")} still leaving`);
  if (progress.failed > 0) parts.push(`${progress.failed.toLocaleString("en-US")} failed (see the outbox)`);
  return parts.join(" · ");
}
