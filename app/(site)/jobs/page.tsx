import type { Metadata } from "next";
import { ComingSoon } from "@/components/site/coming-soon";
import { getCachedSiteSettings } from "@/lib/site-content";

export const metadata: Metadata = { title: "Job openings", alternates: { canonical: "/jobs" } };

export default async function JobsPage() {
  return (
    <ComingSoon title="Job openings" settings={await getCachedSiteSettings()}>
      <p id="apply">
        Our openings and the online application are moving to this page soon. Until then, ask at the customer service
        desk which positions are open; we are glad to take your application there.
      </p>
    </ComingSoon>
  );
}
