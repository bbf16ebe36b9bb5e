import "server-only";
import { unstable_cache } from "next/cache";
import { getEquityPlans } from "@/db/queries/owner-settings";
import { cacheTags } from "@/lib/cache-tags";

/** The plans the prerendered application form offers; revalidated when an admin saves them. */
export const getCachedEquityPlans = unstable_cache(async () => getEquityPlans(), ["equity-plans"], { tags: [cacheTags.equityPlans] });
