import type { Metadata } from "next";
import { ComingSoon } from "@/components/site/coming-soon";
import { getCachedSiteSettings } from "@/lib/site-content";

export const metadata: Metadata = { title: "Newsletter", alternates: { canonical: "/newsletter" } };

export default async function NewsletterPage() {
  return (
    <ComingSoon title="Newsletter" settings={await getCachedSiteSettings()}>
      <p id="signup">
        Signing up for our email newsletter, and reading the emails we have sent, will soon be possible right here.
      </p>
      <p id="archive">
        In the meantime, the printed newsletter, The Rutabaga Rap, is free at the front of the store.
      </p>
    </ComingSoon>
  );
}
