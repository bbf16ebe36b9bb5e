import slugify from "slugify";

/**
 * Words as an address: lower-case ASCII letters, digits and dashes, at most `max`
 * characters, never ending in a dash ("Produce Clerk (Part-time)" → "produce-clerk-part-time").
 * Empty when nothing usable is left (a title in another script), so callers choose a fallback.
 */
export function slugFrom(text: string, max = 80) {
  return slugify(text, { lower: true, strict: true, trim: true }).slice(0, max).replace(/-+$/, "");
}
