import Link from "next/link";
import { formatDay, storeDay } from "@/lib/model/format";
import type { ArchivedCampaignSummary } from "@/lib/newsletter/cached-campaigns";

/**
 * The email archive: every sent campaign, newest first, with its date and first lines.
 * A server component for /newsletter; `headingLevel` fits it under that page's headings.
 */
export function CampaignArchiveList({ campaigns, headingLevel = 3 }: { campaigns: ArchivedCampaignSummary[]; headingLevel?: 2 | 3 | 4 }) {
  if (campaigns.length === 0) return <p>No emails have gone out yet. Sign up to get the first one.</p>;
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="space-y-5">
      {campaigns.map((campaign) => {
        const day = storeDay(new Date(campaign.sentAt));
        return (
          <li key={campaign.slug}>
            <Heading className="text-lg font-bold">
              <Link href={`/newsletter/emails/${campaign.slug}`}>{campaign.subject}</Link>
            </Heading>
            <p className="text-sm text-muted">
              <time dateTime={day}>{formatDay(day)}</time>
            </p>
            {campaign.summary && <p className="mt-1">{campaign.summary}</p>}
          </li>
        );
      })}
    </ol>
  );
}
