import "server-only";
import { sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Executor } from "./executor";

/**
 * `base`, or `base-2`, `base-3`… : the first address no row of `table` has yet. Slugs are
 * lower-case letters, digits and dashes, so `base` needs no escaping in LIKE. Run it in
 * the transaction that inserts the row, so that no one takes the address in between.
 */
export function freeSlug(executor: Executor, table: SQLiteTable & { slug: SQLiteColumn }, base: string) {
  const taken = new Set(
    executor
      .select({ slug: table.slug })
      .from(table)
      .where(sql`${table.slug} = ${base} or ${table.slug} like ${`${base}-%`}`)
      .all()
      .map((row) => row.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
