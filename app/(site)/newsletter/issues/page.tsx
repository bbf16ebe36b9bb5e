import type { Metadata } from "next";
import { NewsletterIssueList } from "@/components/newsletter/newsletter-issue-list";
import { getCachedNewsletterIssues } from "@/lib/newsletter/cached-issues";
import { getCachedSiteSettings } from "@/lib/site/cached";
import { shareImage, telHref } from "@/lib/site";

export async function generateMetadata(): Promise<Metadata> {
  const { coopName } = await getCachedSiteSettings();
  const description = `Every issue of The Rutabaga Rap, the printed newsletter of ${coopName}, to read or download as a PDF.`;
  return {
    title: "The Rutabaga Rap",
    description,
    alternates: {
      canonical: "/newsletter/issues",
      types: { "application/rss+xml": [{ url: "/newsletter/issues/feed.xml", title: `The Rutabaga Rap, from ${coopName}` }] },
    },
    openGraph: { title: "The Rutabaga Rap", description, url: "/newsletter/issues", images: [shareImage] },
  };
}

// Prerendered; an upload or a deletion by staff revalidates it at once (tag
// `newsletter-issues`), so `#latest`, the aside's link on every page, always lands on the
// newest issue without the aside reading anything per view.
export default async function NewsletterIssuesPage() {
  const [issues, settings] = await Promise.all([getCachedNewsletterIssues(), getCachedSiteSettings()]);
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">The Rutabaga Rap</h1>
      <p className="mt-3 max-w-prose text-lg">
        Our printed newsletter: store news, recipes, owner stories and what is in season. Every issue is here as a PDF, and the
        latest is free at the front of the store.
      </p>
      <p className="mt-2 text-sm">
        <a href="/newsletter/issues/feed.xml">Follow new issues by RSS</a>
      </p>
      {issues.length > 0 ? (
        <NewsletterIssueList issues={issues} />
      ) : (
        <p id="latest" className="mt-6 rounded-lg border border-leaf-100 bg-white p-5 text-lg">
          No issue is online yet. Pick up the latest at the store, or call <a href={telHref(settings.phone)}>{settings.phone}</a> and we
          will set one aside for you.
        </p>
      )}
    </>
  );
}
