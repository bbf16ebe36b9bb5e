import type { Metadata } from "next";
import { ComingSoon } from "@/components/site/coming-soon";
import { getCachedSiteSettings } from "@/lib/site-content";

export const metadata: Metadata = { title: "The Rutabaga Rap", alternates: { canonical: "/newsletter/issues" } };

export default async function NewsletterIssuesPage() {
  return (
    <ComingSoon title="The Rutabaga Rap" settings={await getCachedSiteSettings()}>
      <p id="latest">
        Past issues of our print newsletter are on their way to this page as downloads. The latest issue is free at the
        front of the store.
      </p>
    </ComingSoon>
  );
}
