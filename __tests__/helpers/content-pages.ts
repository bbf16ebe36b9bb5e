import { readSeedPages } from "@/db/cli/seed";

/** The content pages the seed stores: path and title, as a visitor finds them. */
export const seededContentPages = readSeedPages().map((page) => ({ path: `/${page.slug}`, title: page.title }));
