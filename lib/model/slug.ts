import slugify from "slugify";

/** Apostrophes join the parts of one word ("Tom's" → "toms"), so they leave no gap. */
const apostrophes = /['’ʼ]/g;
/** Anything but a letter (with its accents) or a digit separates words. */
const notWordCharacters = /[^\p{L}\p{M}\p{Nd}]+/gu;

/**
 * Words as an address: lower-case ASCII letters, digits and dashes, at most `max`
 * characters, never ending in a dash ("Produce Clerk (Part-time)" → "produce-clerk-part-time").
 * Letters are spelled in ASCII ("Crème" → "creme"); symbols only separate words, because
 * slugify would spell them out ("Cashier >>" → "cashiergreatergreater", "$" → "dollar").
 * Empty when nothing usable is left (a title in another script), so callers choose a fallback.
 */
export function slugFrom(text: string, max = 80) {
  const words = text.replace(apostrophes, "").replace(notWordCharacters, " ");
  return slugify(words, { lower: true, strict: true, trim: true }).slice(0, max).replace(/-+$/, "");
}
