import { slugFrom } from "@/lib/model/slug";

/** A posting's address made from its title: "Produce Clerk (Part-time)" → "produce-clerk-part-time". */
export const slugFromTitle = (title: string) => slugFrom(title) || "job";
