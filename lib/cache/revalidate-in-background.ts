import "server-only";

type IncrementalCache = { revalidateTag(tags: string[], durations?: unknown): Promise<void> };

/**
 * Expires cache tags from work that runs outside any request (the newsletter sender's
 * loop): Next's revalidateTag() needs a request's store and throws without one. Next
 * keeps the server's incremental cache on `globalThis.__incrementalCache` from the
 * first request on, and at the end of a request that revalidated it calls exactly this
 * method, which reaches our cache handler (lib/cache/memory-cache-handler.js). Before
 * the first request nothing is cached in this process, so there is nothing to expire.
 */
export async function revalidateTagsInBackground(tags: string[]) {
  const cache = (globalThis as { __incrementalCache?: IncrementalCache }).__incrementalCache;
  await cache?.revalidateTag(tags);
}
