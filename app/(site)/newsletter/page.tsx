import type { Metadata } from "next";
import Link from "next/link";
import { CampaignArchiveList } from "@/components/newsletter/campaign-archive-list";
import { NewsletterSignupForm } from "@/components/newsletter/signup-form";
import { subscribeToNewsletterAction } from "@/lib/actions/newsletter";
import { formatDay } from "@/lib/model/format";
import { getCachedSentCampaigns } from "@/lib/newsletter/cached-campaigns";
import { getCachedNewsletterIssues } from "@/lib/newsletter/cached-issues";
import { getCachedPublicNewsletterLists } from "@/lib/newsletter/cached-lists";
import { shareImage } from "@/lib/site";
import { getCachedSiteSettings } from "@/lib/site/cached";

export async function generateMetadata(): Promise<Metadata> {
  const { coopName } = await getCachedSiteSettings();
  const description = `Sign up for the ${coopName} email newsletter, read past emails, and download The Rutabaga Rap.`;
  return {
    title: "Newsletter",
    description,
    alternates: { canonical: "/newsletter", types: { "application/rss+xml": [{ url: "/newsletter/emails/feed.xml", title: `${coopName} newsletter` }] } },
    openGraph: { title: "Newsletter", description, url: "/newsletter", images: [shareImage] },
  };
}

// Prerendered: the signup posts a server action, and its lists and the archives are cached
// reads revalidated by tag when staff change a list, send a campaign or upload an issue.
export default async function NewsletterPage() {
  const [issues, campaigns, lists, { coopName }] = await Promise.all([
    getCachedNewsletterIssues(),
    getCachedSentCampaigns(),
    getCachedPublicNewsletterLists(),
    getCachedSiteSettings(),
  ]);
  const latest = issues[0];
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Newsletter</h1>
      <p className="mt-3 max-w-prose text-lg">
        News from {coopName} by email about once a month: sales, new products, events, and what the co-op is up to.
      </p>
      <section id="signup" aria-labelledby="signup-heading" className="mt-8 max-w-md rounded-md border border-leaf-100 bg-white p-5">
        <h2 id="signup-heading" className="text-xl font-bold text-leaf-900">
          Sign up
        </h2>
        <p className="mb-4 mt-1 text-sm text-muted">
          Choose what you would like to get. We email you a link to confirm; nothing is sent until you do. Every email has a
          link to unsubscribe in one click.
        </p>
        <p className="mb-4 text-sm text-muted">
          No tracking: our emails carry no hidden images and no rewritten links, so we never learn who opened or clicked what.
        </p>
        <NewsletterSignupForm action={subscribeToNewsletterAction} lists={lists.length > 0 ? lists : undefined} />
      </section>
      <section id="archive" aria-labelledby="archive-heading" className="mt-10">
        <h2 id="archive-heading" className="text-2xl font-bold text-leaf-900">
          Past emails
        </h2>
        <p className="mt-2">
          The newsletter emails we have sent, for anyone to read (also as a <a href="/newsletter/emails/feed.xml">feed</a>).
        </p>
        {campaigns.length > 0 ? <CampaignArchiveList campaigns={campaigns} /> : <p className="mt-2">None yet: the first one is on its way.</p>}
      </section>
      <section aria-labelledby="rutabaga-heading" className="mt-10">
        <h2 id="rutabaga-heading" className="text-2xl font-bold text-leaf-900">
          The Rutabaga Rap
        </h2>
        <p className="mt-2 max-w-prose">Our printed newsletter, free at the front of the store and here as a PDF.</p>
        {latest ? (
          <p className="mt-2">
            Latest issue: <Link href="/newsletter/issues#latest">{latest.title}</Link> ({formatDay(latest.issuedOn)}).{" "}
            <Link href="/newsletter/issues">All issues</Link>
          </p>
        ) : (
          <p className="mt-2">
            <Link href="/newsletter/issues">All issues</Link>
          </p>
        )}
      </section>
    </>
  );
}
