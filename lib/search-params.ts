import { clampPage } from "@/lib/model/pagination";

// A URL's query values as a page reads them: `?a=1&a=2` arrives as an array, and anyone
// can type anything, so each value is checked for its kind before use.

/** A `?page=` value as a page number: 1 unless it is one plain whole number. */
export const pageFromQuery = (raw: unknown) => clampPage(typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : 1);

/** A filter's text value, at most `max` characters; undefined when empty, repeated or missing. */
export const queryText = (raw: unknown, max = 100) => (typeof raw === "string" && raw !== "" ? raw.slice(0, max) : undefined);
