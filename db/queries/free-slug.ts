import "server-only";
import { sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Executor } from "./executor";

/**
 * `base`, or `base-2`, `base-3`… : the first address no row of `table` has yet, at most
 * `maxLength` characters (a long base is shortened to leave room for the number). Slugs
 * are lower-case letters, digits and dashes, so they need no escaping in LIKE. Run it in
 * the transaction that inserts the row, so that no one takes the address in between.
 */
export function freeSlug(executor: Executor, table: SQLiteTable & { slug: SQLiteColumn }, base: string, maxLength = 80) {
  const stem = base.length > maxLength - 4 ? base.slice(0, maxLength - 4).replace(/-+$/, "") : base;
  const taken = new Set(
    executor
      .select({ slug: table.slug })
      .from(table)
      .where(sql`${table.slug} = ${base} or ${table.slug} like ${`${stem}-%`}`)
      .all()
      .map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}
