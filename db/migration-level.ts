import type Database from "better-sqlite3";

// Kept apart from db/cli/migrate.ts, which reads the migrations folder from disk: the backup
// code the server runs needs only this query.

/** The newest applied migration's time, as drizzle's migrator records it; null before any. */
export function lastMigrationAt(sqlite: Database.Database): number | null {
  const recorded = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (!recorded) return null;
  const value = sqlite.prepare("select max(created_at) from __drizzle_migrations").pluck().get();
  return value === null || value === undefined ? null : Number(value);
}
