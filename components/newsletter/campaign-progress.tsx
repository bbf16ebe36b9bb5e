"use client";

import { campaignStatusLabels } from "@/lib/newsletter/campaign-labels";
import type { CampaignProgressView } from "@/lib/newsletter/staff-campaigns";
import { CampaignProgressBar } from "./campaign-progress-bar";
import { useCampaignProgress } from "./use-campaigns";

/** A campaign going out (or gone): its state and sent / total, refreshing every few seconds until all has left. */
export function CampaignProgress({ id, initial }: { id: number; initial: CampaignProgressView }) {
  const { data, isError } = useCampaignProgress(id, initial);
  return (
    <section aria-labelledby="progress-heading" className="mt-6 max-w-3xl rounded-lg border border-leaf-100 bg-white p-5">
      <h2 id="progress-heading" className="text-xl font-bold text-leaf-900">
        {campaignStatusLabels[data.status]}
      </h2>
      <div aria-live="polite" className="mt-2">
        {data.progress && <CampaignProgressBar progress={data.progress} label="Messages sent" />}
      </div>
      {isError && <p className="mt-2 text-sm text-red-800">Could not refresh the progress; retrying.</p>}
      <p className="mt-2 text-sm text-muted">
        “Sent” counts messages our mail server accepted. The send carries on if the portal restarts; a subscriber who unsubscribes meanwhile gets nothing more.
      </p>
    </section>
  );
}
