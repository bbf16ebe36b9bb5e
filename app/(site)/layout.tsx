import { SiteAside } from "@/components/site/site-aside";
import { subscribeToNewsletterAction } from "@/lib/actions/newsletter";
import { asideLinkGroups } from "@/lib/site";
import { getCachedSiteSettings } from "@/lib/site/cached";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const settings = await getCachedSiteSettings();
  return (
    <div className="mx-auto grid max-w-6xl gap-10 px-4 py-8 lg:grid-cols-[minmax(0,1fr)_16rem]">
      <main id="main" tabIndex={-1} className="min-w-0 focus:outline-none">
        {children}
      </main>
      <SiteAside groups={asideLinkGroups(settings)} signupAction={subscribeToNewsletterAction} />
    </div>
  );
}
