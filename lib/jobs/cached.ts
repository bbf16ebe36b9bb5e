import "server-only";
import { unstable_cache } from "next/cache";
import { listPublishedJobs, listPublicJobSlugs, getPublicJobBySlug } from "@/db/queries/jobs";
import { cacheTags } from "@/lib/cache-tags";
import { storeDay } from "@/lib/model/format";

// Public reads of postings. Cached until staff change a posting (tag `jobs`); whether a
// posting is still open is decided at render from its closing day, so one whose day has
// passed leaves the list at the next render without anyone saving anything.

type Timestamps = { publishedAt: Date | null; closedAt: Date | null; createdAt: Date; updatedAt: Date };

// Spelled out: a spread of a generic type is typed as an intersection, which would leave
// each of these as `Date & string`.
type Serialised<T extends Timestamps> = Omit<T, keyof Timestamps> & { publishedAt: string | null; closedAt: string | null; createdAt: string; updatedAt: string };

const serialise = <T extends Timestamps>(job: T): Serialised<T> => ({
  ...job,
  publishedAt: job.publishedAt?.toISOString() ?? null,
  closedAt: job.closedAt?.toISOString() ?? null,
  createdAt: job.createdAt.toISOString(),
  updatedAt: job.updatedAt.toISOString(),
});

export type PublicJob = ReturnType<typeof serialise<NonNullable<ReturnType<typeof getPublicJobBySlug>>>>;

const getCachedPublishedJobs = unstable_cache(async () => listPublishedJobs().map(serialise), ["jobs-published"], { tags: [cacheTags.jobs] });

/** Open postings (published, closing today or later in the store's calendar), newest first. */
export async function getOpenJobs(today = storeDay()): Promise<PublicJob[]> {
  return (await getCachedPublishedJobs()).filter((job) => job.closesOn >= today);
}

/** A posting's public page data (published or closed), or null. */
export function getCachedPublicJob(slug: string): Promise<PublicJob | null> {
  return unstable_cache(
    async () => {
      const job = getPublicJobBySlug(slug);
      return job ? serialise(job) : null;
    },
    ["job", slug],
    { tags: [cacheTags.jobs] },
  )();
}

export const getCachedPublicJobSlugs = unstable_cache(async () => listPublicJobSlugs().map((row) => row.slug), ["job-slugs"], { tags: [cacheTags.jobs] });

export { isJobOpen } from "./open";
