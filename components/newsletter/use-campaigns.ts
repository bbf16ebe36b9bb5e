"use client";

import { useQuery } from "@tanstack/react-query";
import type { CampaignProgressView, StaffCampaignRow } from "@/lib/newsletter/staff-campaigns";

/** How often staff views refresh while mail is going out. */
export const PROGRESS_REFRESH_MS = 3000;

const stillGoing = (view: { status: string; progress: { queued: number; remaining: number } | null }) =>
  view.status === "sending" || (view.progress !== null && view.progress.queued + view.progress.remaining > 0);

async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, cache: "no-store" });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The staff list of campaigns, refreshing every few seconds while any is still going out. */
export function useStaffCampaigns(initial: StaffCampaignRow[]) {
  return useQuery({
    queryKey: ["newsletter", "campaigns", "staff"],
    initialData: initial,
    queryFn: async ({ signal }) => (await getJson<{ campaigns: StaffCampaignRow[] }>("/api/staff/newsletter/campaigns", signal)).campaigns,
    refetchInterval: (query) => (query.state.data?.some(stillGoing) ? PROGRESS_REFRESH_MS : false),
  });
}

/** One campaign's state and sent / total, refreshing every few seconds until all of it has left. */
export function useCampaignProgress(id: number, initial: CampaignProgressView) {
  return useQuery({
    queryKey: ["newsletter", "campaigns", id, "progress"],
    initialData: initial,
    queryFn: ({ signal }) => getJson<CampaignProgressView>(`/api/staff/newsletter/campaigns/${id}/progress`, signal),
    refetchInterval: (query) => (query.state.data && stillGoing(query.state.data) ? PROGRESS_REFRESH_MS : false),
  });
}
