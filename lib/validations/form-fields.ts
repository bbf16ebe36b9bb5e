/** Names that reach an object's prototype, or its constructor's: following them pollutes every object. */
const unsafeParts = new Set(["__proto__", "prototype", "constructor"]);
const rowIndex = /^(?:0|[1-9]\d*)$/;

type Container = Record<string, unknown> | unknown[];

/**
 * Turns flat form fields named with dots (`evidence.0.grade`, `sections.safety`) into
 * nested objects and arrays, so one zod schema can validate a form with repeated rows.
 * A form is anyone's POST: objects are built without a prototype, names through
 * `__proto__`, `prototype` or `constructor` are dropped, and so are row indices above
 * `maxIndex` (`evidence.4294967294.x` would make an array of four billion slots), as is
 * a name that would nest under a value another name already set.
 */
export function nestFormFields(flat: Record<string, unknown>, limits: { maxIndex: number }): Record<string, unknown> {
  const root: Record<string, unknown> = Object.create(null);
  const followed = (part: string) => !unsafeParts.has(part) && (!/^\d+$/.test(part) || (rowIndex.test(part) && Number(part) <= limits.maxIndex));
  for (const [name, value] of Object.entries(flat)) {
    const path = name.split(".");
    if (path.every(followed)) place(root, path, value);
  }
  return root;
}

/** Sets `value` at `path`, making the objects and rows on the way; gives up, adding nothing, when a value is in the way. */
function place(root: Container, path: string[], value: unknown) {
  let node = root;
  for (const [index, part] of path.entries()) {
    if (Array.isArray(node) && !rowIndex.test(part)) return;
    const slot = node as Record<string, unknown>;
    if (index === path.length - 1) {
      slot[part] = value;
      return;
    }
    if (slot[part] === undefined) slot[part] = rowIndex.test(path[index + 1]!) ? [] : Object.create(null);
    const next = slot[part];
    if (typeof next !== "object" || next === null) return;
    node = next as Container;
  }
}

/** A textarea's lines, trimmed, blanks dropped: "one per line" fields. */
export function linesOf(value: unknown): unknown {
  return typeof value === "string" ? value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) : value;
}

/** A row whose every field was left blank is not a row at all (a spare row in a form). */
export function isBlankRow(row: unknown) {
  return !row || typeof row !== "object" || !Object.values(row as Record<string, unknown>).some((field) => typeof field === "string" && field.trim() !== "");
}

/** The rows that are not blank. */
export function withoutBlankRows(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.filter((row) => !isBlankRow(row));
}
