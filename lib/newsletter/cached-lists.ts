import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/db";
import { listActiveNewsletterLists } from "@/db/queries/newsletter-lists";
import { cacheTags } from "@/lib/cache-tags";

// The lists a public form offers, cached until staff change a list (tag `newsletter-lists`).

export type PublicNewsletterList = { id: number; name: string; description: string; joinByDefault: boolean };

/** The lists open to everyone and not archived, in their order: never an owners-only one. */
export const getCachedPublicNewsletterLists = unstable_cache(
  async (): Promise<PublicNewsletterList[]> =>
    listActiveNewsletterLists(db)
      .filter((list) => list.audience === "everyone")
      .map(({ id, name, description, joinByDefault }) => ({ id, name, description, joinByDefault })),
  ["newsletter-lists"],
  { tags: [cacheTags.newsletterLists] },
);
