/**
 * Turns flat form fields named with dots (`evidence.0.grade`, `sections.safety`) into
 * nested objects and arrays, so one zod schema can validate a form with repeated rows.
 */
export function nestFormFields(flat: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(flat)) {
    const path = name.split(".");
    let node: Record<string, unknown> = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) {
        node[part] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(path[index + 1]!);
      node[part] ??= nextIsIndex ? [] : {};
      node = node[part] as Record<string, unknown>;
    });
  }
  return root;
}

/** A textarea's lines, trimmed, blanks dropped: "one per line" fields. */
export function linesOf(value: unknown): unknown {
  return typeof value === "string" ? value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) : value;
}

/** Rows whose every field was left blank are not rows at all (spare rows in a form). */
export function withoutBlankRows(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.filter(
    (row) => row && typeof row === "object" && Object.values(row as Record<string, unknown>).some((field) => typeof field === "string" && field.trim() !== ""),
  );
}
