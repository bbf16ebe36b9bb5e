import slugify from "slugify";

/** A campaign's archive address made from its subject: "Harvest news, October!" → "harvest-news-october". */
export function campaignSlugFromSubject(subject: string) {
  return slugify(subject, { lower: true, strict: true, trim: true }).slice(0, 80).replace(/-+$/, "") || "newsletter";
}
