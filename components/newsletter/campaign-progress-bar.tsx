import { describeProgress } from "@/lib/newsletter/campaign-labels";
import type { CampaignProgress } from "@/lib/newsletter/staff-campaigns";

/** Sent / total as a bar and in words; the words are what screen readers hear. */
export function CampaignProgressBar({ progress, label }: { progress: CampaignProgress; label: string }) {
  const text = describeProgress(progress);
  return (
    <div>
      <progress aria-label={label} aria-valuetext={text} value={progress.sent} max={Math.max(progress.total, 1)} className="h-2 w-full max-w-xs accent-leaf-700" />
      <div className="text-sm">{text}</div>
    </div>
  );
}
