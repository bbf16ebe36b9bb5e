import { z } from "zod";

/** Text of at most `max` characters, trimmed; may be empty. A field left out of the form is "Required." like an empty one. */
export const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? "Required." : undefined) })
    .trim()
    .max(max, { error: `At most ${max.toLocaleString("en-US")} characters.` });

/** A required line of at most `max` characters, trimmed. */
export const line = (max: number) => text(max).min(1, { error: "Required." });

/** Text that may be left out: an empty field counts as not given. */
export const optionalText = (max: number) => z.preprocess((value) => (value === "" || value === null ? undefined : value), text(max).optional());

/** A checkbox: a browser sends its value ("on" unless set) when ticked and nothing when not. */
export const checkbox = z.preprocess((value) => value === true || value === "on" || value === "yes" || value === "true", z.boolean());

/** A calendar day as a date input sends it, YYYY-MM-DD, and a real one (no February 30). */
export const day = z
  .string({ error: (issue) => (issue.input === undefined ? "Required." : undefined) })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Give a date like 2026-12-01." })
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), { error: "That day does not exist." });

/**
 * Dollars as people type them ("25", "25.5", "$1,025.00") to integer cents, parsed from
 * the text so that no float rounding creeps into money.
 */
export const dollarsToCents = z
  .string({ error: (issue) => (issue.input === undefined ? "Required." : undefined) })
  .trim()
  .transform((value) => value.replace(/^\$/, "").replace(/,(?=\d{3}\b)/g, ""))
  .pipe(z.string().regex(/^\d{1,7}(\.\d{1,2})?$/, { error: "Use dollars and cents, e.g. 25.00." }))
  .transform((value) => {
    const [whole, fraction = ""] = value.split(".");
    return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  });

/** A row id posted by a form: a positive whole number. */
export const rowId = z.coerce.number({ error: "Missing record." }).int().positive({ error: "Missing record." });
