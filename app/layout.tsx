import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { getEnv } from "@/lib/env";
import { getCachedSiteSettings } from "@/lib/site-content";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getCachedSiteSettings();
  return {
    metadataBase: new URL(getEnv().siteUrl),
    title: { default: settings.coopName, template: `%s · ${settings.coopName}` },
    description: settings.tagline,
    applicationName: settings.coopName,
    openGraph: { siteName: settings.coopName, type: "website", locale: "en_US", description: settings.tagline },
  };
}

export const viewport: Viewport = { themeColor: "#235330", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request so that its scripts carry the nonce that
  // proxy.ts puts in the Content-Security-Policy; the data itself comes from the cache.
  await connection();
  const settings = await getCachedSiteSettings();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <a
          href="#main"
          className="print-hidden sr-only rounded bg-white px-4 py-2 font-semibold text-leaf-900 focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
        >
          Skip to main content
        </a>
        <SiteHeader coopName={settings.coopName} tagline={settings.tagline} />
        <div className="flex-1">{children}</div>
        <SiteFooter settings={settings} />
      </body>
    </html>
  );
}
