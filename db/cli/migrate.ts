import fs from "node:fs";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { DB } from "../client";
import { lastMigrationAt } from "../migration-level";

export const migrationsFolder = path.join(__dirname, "..", "migrations");

/** Applies every committed migration not yet applied; a no-op on an up-to-date database. */
export function migrateDatabase(database: DB, folder = migrationsFolder) {
  migrate(database, { migrationsFolder: folder });
}

/** The `when` of each committed migration, as drizzle's journal lists them. */
function committedMigrationTimes(folder = migrationsFolder): number[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  return journal.entries.map((entry) => entry.when);
}

/** The newest committed migration's time: a database migrated past it was made by a newer version. */
export function newestMigrationAt() {
  return Math.max(...committedMigrationTimes());
}

/**
 * How many committed migrations `migrateDatabase` would apply, reckoned as drizzle's
 * migrator does (those newer than the newest it recorded), and whether the database had
 * any applied before: a new, empty database has nothing to keep a backup of.
 */
export function pendingMigrations(database: DB, folder = migrationsFolder) {
  const last = lastMigrationAt(database.$client);
  const pending = committedMigrationTimes(folder).filter((when) => last === null || when > last).length;
  return { pending, hasData: last !== null };
}

if (require.main === module) {
  void import("../index").then(({ db }) => {
    migrateDatabase(db);
    console.log("Migrations applied");
  });
}
