import "server-only";
import { revalidateTagsInBackground } from "@/lib/cache/revalidate-in-background";
import { cacheTags } from "@/lib/cache-tags";

/**
 * Expires an election's public pages, so the next request shows its new turnout or
 * status. Call it after a ballot is cast or a paper mark is recorded (once the
 * transaction has committed), and when an election opens, closes or is certified. It
 * works inside a request and outside one (the opener loop), through the cache handler.
 */
export function revalidateElection(slug: string) {
  revalidateTagsInBackground([cacheTags.elections, cacheTags.election(slug)]);
}
