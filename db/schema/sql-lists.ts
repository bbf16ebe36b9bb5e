import { sql } from "drizzle-orm";

/** A vocabulary as an SQL list for a CHECK constraint: `'a', 'b'` (the values are our own constants, never input). */
export const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));
