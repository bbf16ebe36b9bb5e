import type { MetadataRoute } from "next";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  const { siteUrl } = getEnv();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/staff", "/account", "/login", "/api/"] },
    sitemap: `${siteUrl}/sitemap.xml`,
  };
}
