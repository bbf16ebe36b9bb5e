import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * One row per counted request, kept in the database (not in memory) so limits hold
 * across restarts and across app servers. Keys are hashed: no email or IP is stored.
 */
export const rateLimitHits = sqliteTable(
  "rate_limit_hits",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    key: text().notNull(),
    at: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (table) => [index("rate_limit_hits_key_at_idx").on(table.key, table.at)],
);
