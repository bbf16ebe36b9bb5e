import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { DB } from "./client";

export const migrationsFolder = path.join(__dirname, "migrations");

/** Applies every committed migration not yet applied; a no-op on an up-to-date database. */
export function migrateDatabase(database: DB) {
  migrate(database, { migrationsFolder });
}

if (require.main === module) {
  void import("./index").then(({ db }) => {
    migrateDatabase(db);
    console.log("Migrations applied");
  });
}
