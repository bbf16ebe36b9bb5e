import type { Metadata, Viewport } from "next";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { getEnv } from "@/lib/env";
import { shareImage } from "@/lib/site";
import { getCachedSiteSettings } from "@/lib/site/cached";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getCachedSiteSettings();
  return {
    metadataBase: new URL(getEnv().siteUrl),
    title: { default: settings.coopName, template: `%s · ${settings.coopName}` },
    description: settings.tagline,
    applicationName: settings.coopName,
    openGraph: {
      siteName: settings.coopName,
      type: "website",
      locale: "en_US",
      description: settings.tagline,
      images: [shareImage],
    },
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "48x48" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: "/apple-touch-icon.png",
    },
    manifest: "/manifest.webmanifest",
  };
}

// Public pages are prerendered and cached; staff edits revalidate them by tag at once.
// This lifetime is what browsers and shared caches see: `s-maxage=60` (a CDN may reuse a
// page for a minute, then serve it stale for up to `expireTime` while refetching), no
// max-age (browsers revalidate by ETag, answered 304 from the cache).
export const revalidate = 60;

export const viewport: Viewport = { themeColor: "#235330", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
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
