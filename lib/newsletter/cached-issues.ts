import "server-only";
import { unstable_cache } from "next/cache";
import { listNewsletterIssues } from "@/db/queries/newsletter-issues";
import { cacheTags } from "@/lib/cache-tags";

// Public reads of The Rutabaga Rap's issues, cached until staff upload or delete one
// (tag `newsletter-issues`). Only what the public sees is cached: never the upload id.

export type PublicNewsletterIssue = { slug: string; title: string; issuedOn: string; summary: string; sizeBytes: number; createdAt: string };

/** Every issue, newest first: the first one is the latest. */
export const getCachedNewsletterIssues = unstable_cache(
  async (): Promise<PublicNewsletterIssue[]> =>
    listNewsletterIssues().map(({ slug, title, issuedOn, summary, sizeBytes, createdAt }) => ({ slug, title, issuedOn, summary, sizeBytes, createdAt: createdAt.toISOString() })),
  ["newsletter-issues"],
  { tags: [cacheTags.newsletterIssues] },
);
