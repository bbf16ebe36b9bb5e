import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/site/not-found-message";

export const metadata: Metadata = { title: "Page not found" };

/** For a route of the site that finds no record (an unknown page slug), inside the site's layout. */
export default function SiteNotFound() {
  return <NotFoundMessage />;
}
