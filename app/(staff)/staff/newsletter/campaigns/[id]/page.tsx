import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CampaignEditor } from "@/components/newsletter/campaign-editor";
import { CampaignPreview } from "@/components/newsletter/campaign-preview";
import { CampaignProgress } from "@/components/newsletter/campaign-progress";
import { CampaignSendControls } from "@/components/newsletter/campaign-send-controls";
import { QueryProvider } from "@/components/providers/query-provider";
import { countConfirmedSubscribers, getCampaignById } from "@/db/queries/newsletter-campaigns";
import { getSiteSettings } from "@/db/queries/site";
import { deleteDraftCampaignAction, sendTestCampaignAction, startCampaignSendAction, updateCampaignAction } from "@/lib/actions/newsletter-campaigns";
import { requirePageRole } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/model/format";
import { treeToEmailText } from "@/lib/markdown/to-email-html";
import { markdownToTree } from "@/lib/markdown/to-tree";
import { campaignProgressView } from "@/lib/newsletter/staff-campaigns";

export const metadata: Metadata = { title: "Newsletter campaign" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; sending?: string; confirm?: string }> };

export default async function StaffCampaignPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageRole("staff", `/staff/newsletter/campaigns/${id}`);
  const campaign = /^\d{1,12}$/.test(id) ? getCampaignById(Number(id)) : null;
  if (!campaign) notFound();
  const { created, sending, confirm } = await searchParams;
  const tree = markdownToTree(campaign.markdown);
  const progress = campaign.status === "draft" ? null : campaignProgressView(campaign.id);
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/newsletter">
          Newsletter
        </Link>{" "}
        › {campaign.subject}
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">{campaign.subject}</h1>
      {(created || sending) && (
        <p role="status" className="mt-4 rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3 font-semibold text-leaf-900">
          {created ? "Draft saved. Check the preview, send yourself a test, then send it." : "Sending has started. You can leave this page: it carries on."}
        </p>
      )}
      {campaign.status === "draft" ? (
        <CampaignSendControls
          id={campaign.id}
          confirmedSubscribers={countConfirmedSubscribers()}
          confirming={confirm === "send"}
          sendTest={sendTestCampaignAction}
          startSend={startCampaignSendAction}
          deleteDraft={deleteDraftCampaignAction}
        />
      ) : (
        <>
          <p className="mt-2">
            Sending started {formatDateTime(campaign.sendStartedAt)}
            {campaign.sentAt && <>; every confirmed subscriber had theirs queued {formatDateTime(campaign.sentAt)}</>}.
            {campaign.status === "sent" && campaign.slug && (
              <>
                {" "}
                Public archive page: <a href={`/newsletter/emails/${campaign.slug}`}>/newsletter/emails/{campaign.slug}</a>
              </>
            )}
          </p>
          {progress && (
            <QueryProvider>
              <CampaignProgress id={campaign.id} initial={progress} />
            </QueryProvider>
          )}
        </>
      )}
      <CampaignPreview coopName={getSiteSettings().coopName} subject={campaign.subject} tree={tree} text={treeToEmailText(tree, getEnv().siteUrl)} />
      {campaign.status === "draft" && (
        <details className="mt-8" open>
          <summary className="cursor-pointer text-xl font-bold text-leaf-900">Edit the draft</summary>
          <CampaignEditor action={updateCampaignAction} campaign={campaign} />
        </details>
      )}
    </>
  );
}
