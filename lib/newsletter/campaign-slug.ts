import { slugFrom } from "@/lib/model/slug";

/** A campaign's archive address made from its subject: "Harvest news, October!" → "harvest-news-october". */
export const campaignSlugFromSubject = (subject: string) => slugFrom(subject) || "newsletter";
