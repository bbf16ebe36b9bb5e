import type { MetadataRoute } from "next";
import { getEnv } from "@/lib/env";

export default function robots(): MetadataRoute.Robots {
  const { siteUrl } = getEnv();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/staff", "/account", "/login", "/api/", "/bench"] },
    sitemap: `${siteUrl}/sitemap.xml`,
  };
}
