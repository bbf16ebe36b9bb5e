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
