import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MarkdownTree } from "@/components/site/markdown-tree";
import { formatDay, storeDay } from "@/lib/model/format";
import { getCachedSentCampaign, getCachedSentCampaigns } from "@/lib/newsletter/cached-campaigns";
import { getCachedSiteSettings } from "@/lib/site/cached";
import { shareImage } from "@/lib/site";

type Props = { params: Promise<{ slug: string }> };

// Every sent campaign is prerendered; one sent later renders on its first request and is
// cached from then on, until the next campaign is sent (tag `newsletter-campaigns`).
export async function generateStaticParams() {
  return (await getCachedSentCampaigns()).map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const campaign = await getCachedSentCampaign(slug);
  if (!campaign) return {};
  return {
    title: `${campaign.subject} · Newsletter`,
    description: campaign.summary || undefined,
    alternates: { canonical: `/newsletter/emails/${slug}`, types: { "application/rss+xml": "/newsletter/emails/feed.xml" } },
    openGraph: { type: "article", title: campaign.subject, description: campaign.summary || undefined, url: `/newsletter/emails/${slug}`, images: [shareImage] },
  };
}

/** A sent campaign as it went out, for everyone: the body only, without any recipient's links. */
export default async function ArchivedCampaignPage({ params }: Props) {
  const { slug } = await params;
  const [campaign, settings] = await Promise.all([getCachedSentCampaign(slug), getCachedSiteSettings()]);
  if (!campaign) notFound();
  const day = storeDay(new Date(campaign.sentAt));
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href="/newsletter">Newsletter</Link>
            <span aria-hidden="true"> &gt; </span>
          </li>
          <li>
            <Link href="/newsletter#archive">Email archive</Link>
            <span aria-hidden="true"> &gt; </span>
          </li>
          <li aria-current="page">{campaign.subject}</li>
        </ol>
      </nav>
      <article>
        <h1 className="text-3xl font-bold text-leaf-900">{campaign.subject}</h1>
        <p className="mb-6 mt-1 text-muted">
          {settings.coopName} newsletter · Sent <time dateTime={day}>{formatDay(day)}</time>
        </p>
        <MarkdownTree tree={campaign.tree} />
      </article>
      <p className="mt-10 rounded-md border border-leaf-100 bg-leaf-50 px-4 py-3">
        Like it? <Link href="/newsletter#signup">Sign up for the email newsletter</Link> to get the next one, or follow the{" "}
        <a href="/newsletter/emails/feed.xml">RSS feed</a>.
      </p>
    </>
  );
}
