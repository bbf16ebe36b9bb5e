import "./zod-config";
import { z } from "zod";

/**
 * Control characters other than tab and line breaks: nobody types them, and a NUL in a
 * title breaks every XML feed that carries it.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Text of at most `max` characters, trimmed; may be empty. A field left out of the form is "Required." like an empty one. */
export const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? "Required." : undefined) })
    .trim()
    .max(max, { error: `At most ${max.toLocaleString("en-US")} characters.` })
    .refine((value) => !CONTROL_CHARACTERS.test(value), { error: "Remove the invisible control characters from this text (they may have come with a copy and paste)." });

/** A required line of at most `max` characters, trimmed. */
export const line = (max: number) => text(max).min(1, { error: "Required." });

/** Text that may be left out: an empty field counts as not given. */
export const optionalText = (max: number) => z.preprocess((value) => (value === "" || value === null ? undefined : value), text(max).optional());

/** A checkbox: a browser sends its value ("on" unless set) when ticked and nothing when not. */
export const checkbox = z.preprocess((value) => value === true || value === "on" || value === "yes" || value === "true", z.boolean());

/** A calendar day as a date input sends it, YYYY-MM-DD, and a real one (no February 30). */
export const day = z
  .string({ error: (issue) => (issue.input === undefined ? "Required." : undefined) })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Give a date like 2026-12-01.", abort: true })
  .refine(isRealDay, { error: "That day does not exist." });

/** 2026-02-28 is, 2026-02-30 and 2026-13-45 are not (the last is an invalid Date, whose toISOString throws). */
function isRealDay(value: string) {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const DOLLARS_HINT = "Use dollars and cents, e.g. 25.00";

/** A whole number, its thousands grouped with commas or not: "1,250" or "1250". */
export const groupedWholeNumber = /^(\d{1,3}(?:,\d{3})+|\d+)$/;

/**
 * "25", "25.5", "$1,025.50" as integer cents, read from the digits (never through a
 * float, which would make 0.29 into 28.999…); null for anything else, "12.345" included.
 */
export function centsFromDollars(input: string): number | null {
  const [whole = "", fraction, ...rest] = input.trim().replace(/^\$/, "").split(".");
  if (rest.length > 0 || !groupedWholeNumber.test(whole) || (fraction !== undefined && !/^\d{1,2}$/.test(fraction))) return null;
  const dollars = whole.replaceAll(",", "");
  if (dollars.length > 9) return null;
  return Number(dollars) * 100 + Number((fraction ?? "").padEnd(2, "0"));
}

/** Integer cents as the form shows them: 2550 as "25.50". */
export function dollarsFromCents(cents: number) {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** A field that may be left blank, or left out of the form altogether. */
export const blankable = (max: number) => z.preprocess((value) => value ?? "", text(max));

/** An amount in dollars, as integer cents; `blank` is what an empty field means, if it may be empty. */
export const dollars = (blank?: number) =>
  (blank === undefined ? text(20) : blankable(20)).transform((value, ctx) => {
    if (value === "" && blank !== undefined) return blank;
    const cents = centsFromDollars(value);
    if (cents === null) {
      ctx.addIssue({ code: "custom", message: value === "" ? "Required." : DOLLARS_HINT });
      return z.NEVER;
    }
    return cents;
  });

/** A row's id as a form posts it: plain digits only (no "0x10", no "1e3", no `true`). */
export const rowId = z.preprocess(
  (value) => (typeof value === "string" && /^\d{1,12}$/.test(value) ? Number(value) : typeof value === "number" ? value : Number.NaN),
  z.number({ error: "Missing record." }).int().positive({ error: "Missing record." }),
);

/** An email address, trimmed and lowercased (addresses are compared and stored that way). */
export const emailAddress = z
  .string({ error: (issue) => (issue.input === undefined ? "Required." : undefined) })
  .trim()
  .toLowerCase()
  .max(254, { error: "At most 254 characters." })
  .pipe(z.email({ error: "Enter an email address like name@example.com." }));

/** A North American phone number as people type it, with its area code. */
export const phoneNumber = line(30)
  .regex(/^[0-9+().\-\s]+$/, { error: "Use digits, spaces and + ( ) - only.", abort: true })
  .refine((value) => value.replace(/\D/g, "").length >= 10, { error: "Give the full number with area code." });

/**
 * A file as an upload form's reader received it (lib/uploads/read-upload-form.ts), or as
 * a File: the name the sender's computer gave it and its size in bytes. The content is
 * checked apart, from disk.
 */
export type UploadedFile = { name: string; size: number };

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && typeof (value as { size?: unknown }).size === "number" && typeof (value as { name?: unknown }).name === "string";
}

/**
 * A file input left empty still posts an empty, nameless file: no file was chosen. Posted
 * by the browser itself its name is ""; through a script's FormData it may arrive named
 * "undefined".
 */
export const noFileChosen = (value: unknown) => isUploadedFile(value) && value.size === 0 && (value.name === "" || value.name === "undefined");
