import type { Metadata } from "next";
import Link from "next/link";
import { ComingSoon } from "@/components/site/coming-soon";
import { getCachedSiteSettings } from "@/lib/site-content";

export const metadata: Metadata = { title: "Apply to become an owner", alternates: { canonical: "/owners/apply" } };

export default async function OwnerApplicationPage() {
  return (
    <ComingSoon title="Apply to become an owner" settings={await getCachedSiteSettings()}>
      <p>
        The online application opens here soon. Until then, any cashier can sign you up at the register in a few
        minutes. <Link href="/owners">Read why ownership is worth it</Link> first.
      </p>
    </ComingSoon>
  );
}
