import "server-only";
import MemoryCacheHandler from "./memory-cache-handler";

/**
 * Expires cache tags from work that runs outside any request (the newsletter sender's
 * loop), where Next's revalidateTag() throws for want of a request's store. The cache is
 * our own handler (lib/cache/memory-cache-handler.js), which keeps one store per process
 * and treats an entry under an expired tag as a miss, so expiring the tag there is all
 * that a request's revalidateTag would have done for these pages.
 */
export function revalidateTagsInBackground(tags: string[]) {
  MemoryCacheHandler.expireTags(tags);
}
