import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CampaignEditor } from "@/components/newsletter/campaign-editor";
import { CampaignPreview } from "@/components/newsletter/campaign-preview";
import { CampaignProgress } from "@/components/newsletter/campaign-progress";
import { CampaignSchedule } from "@/components/newsletter/campaign-schedule";
import { CampaignSendControls } from "@/components/newsletter/campaign-send-controls";
import { CampaignStats } from "@/components/newsletter/campaign-stats";
import { QueryProvider } from "@/components/providers/query-provider";
import { countCampaignRecipients, countUnsubscribedFromCampaign, listCampaignLists, listChoosableLists } from "@/db/queries/newsletter-campaign-lists";
import { countBouncedForCampaign } from "@/db/queries/newsletter-bounces";
import { getCampaignById } from "@/db/queries/newsletter-campaigns";
import { db } from "@/db";
import type { NewsletterCampaign } from "@/db/schema";
import { getSiteSettings } from "@/db/queries/site";
import {
  cancelCampaignScheduleAction,
  deleteDraftCampaignAction,
  scheduleCampaignAction,
  sendTestCampaignAction,
  startCampaignSendAction,
  updateCampaignAction,
} from "@/lib/actions/newsletter-campaigns";
import { requirePageRole } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/model/format";
import { storeDateTimeInput } from "@/lib/model/store-time";
import { treeToEmailText } from "@/lib/markdown/to-email-html";
import { markdownToTree } from "@/lib/markdown/to-tree";
import { campaignProgressView } from "@/lib/newsletter/staff-campaigns";

export const metadata: Metadata = { title: "Newsletter campaign" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<"created" | "sending" | "confirm" | "scheduled" | "unscheduled", string | undefined>> };

const notices = {
  created: "Draft saved. Check the preview, send yourself a test, then send it.",
  sending: "Sending has started. You can leave this page: it carries on.",
  scheduled: "Scheduled. It starts going out by itself at the time shown.",
  unscheduled: "The schedule is cancelled: it stays a draft and goes nowhere until you send or schedule it.",
} as const;

export default async function StaffCampaignPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageRole("staff", `/staff/newsletter/campaigns/${id}`);
  const campaign = /^\d{1,12}$/.test(id) ? getCampaignById(Number(id)) : null;
  if (!campaign) notFound();
  const query = await searchParams;
  const notice = (Object.keys(notices) as (keyof typeof notices)[]).find((name) => query[name]);
  const tree = markdownToTree(campaign.markdown);
  const progress = campaign.status === "draft" ? null : campaignProgressView(campaign.id);
  const lists = listCampaignLists(db, campaign.id);
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/newsletter">
          Newsletter
        </Link>{" "}
        › {campaign.subject}
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">{campaign.subject}</h1>
      {notice && (
        <p role="status" className="mt-4 rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3 font-semibold text-leaf-900">
          {notices[notice]}
        </p>
      )}
      <p className="mt-2">
        To: {lists.map((list) => list.name).join(", ") || "no list yet"}
        {campaign.segment && <>, {segmentWords(campaign.segment)}</>}.
      </p>
      {campaign.status === "draft" ? (
        <>
          <CampaignSendControls
            id={campaign.id}
            recipients={countCampaignRecipients(db, campaign.id, campaign.segment)}
            confirming={query.confirm === "send"}
            sendTest={sendTestCampaignAction}
            startSend={startCampaignSendAction}
            deleteDraft={deleteDraftCampaignAction}
          />
          <CampaignSchedule
            id={campaign.id}
            sendAt={campaign.sendAt ? storeDateTimeInput(campaign.sendAt) : null}
            sendAtLabel={campaign.sendAt ? formatDateTime(campaign.sendAt) : null}
            schedule={scheduleCampaignAction}
            cancel={cancelCampaignScheduleAction}
          />
        </>
      ) : (
        <>
          <p className="mt-2">
            Sending started {formatDateTime(campaign.sendStartedAt)}
            {campaign.sentAt && <>; every recipient had theirs queued {formatDateTime(campaign.sentAt)}</>}.
            {campaign.status === "sent" && campaign.slug && (
              <>
                {" "}
                Public archive page: <a href={`/newsletter/emails/${campaign.slug}`}>/newsletter/emails/{campaign.slug}</a>
              </>
            )}
          </p>
          {progress?.progress && (
            <>
              <QueryProvider>
                <CampaignProgress id={campaign.id} initial={progress} />
              </QueryProvider>
              <CampaignStats
                recipientCount={campaign.recipientCount}
                sent={progress.progress.sent}
                failed={progress.progress.failed}
                bounced={countBouncedForCampaign(campaign.id)}
                unsubscribed={countUnsubscribedFromCampaign(campaign.id)}
              />
            </>
          )}
        </>
      )}
      <CampaignPreview coopName={getSiteSettings().coopName} subject={campaign.subject} tree={tree} text={treeToEmailText(tree, getEnv().siteUrl)} />
      {campaign.status === "draft" && (
        <details className="mt-8" open>
          <summary className="cursor-pointer text-xl font-bold text-leaf-900">Edit the draft</summary>
          <CampaignEditor action={updateCampaignAction} campaign={{ ...campaign, listIds: lists.map((list) => list.id) }} lists={listChoosableLists()} />
        </details>
      )}
    </>
  );
}

/** A segment in words: "only owners, who joined on or after 2026-01-01". */
function segmentWords(segment: NonNullable<NewsletterCampaign["segment"]>) {
  const who = { any: "everyone on them", owners: "only people with an ownership", not_owners: "only people without an ownership" }[segment.ownership];
  const when = [segment.subscribedFrom && `joined on or after ${segment.subscribedFrom}`, segment.subscribedBefore && `joined before ${segment.subscribedBefore}`].filter(Boolean).join(" and ");
  return when ? `${who}, who ${when}` : who;
}
