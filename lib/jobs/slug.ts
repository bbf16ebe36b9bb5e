import slugify from "slugify";

/** A posting's address made from its title: "Produce Clerk (Part-time)" → "produce-clerk-part-time". */
export function slugFromTitle(title: string) {
  return slugify(title, { lower: true, strict: true, trim: true }).slice(0, 80).replace(/-+$/, "") || "job";
}
