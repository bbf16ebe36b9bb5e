import type { DB } from "@/db/client";
import { migrateDatabase, migrationsFolder, pendingMigrations } from "@/db/cli/migrate";
import { pruneBackups } from "./backup-folders";
import { takeBackup } from "./take-backup";

/**
 * Applies the committed migrations, first taking a backup when there are any to apply to
 * a database that holds data: a migration that rebuilds a table is the one change a
 * restore may have to undo. Returns the backup's folder, or null when none was needed.
 */
export async function migrateWithBackup(database: DB, options: { dataDir: string; backupKeep: number; folder?: string }) {
  const folder = options.folder ?? migrationsFolder;
  const { pending, hasData } = pendingMigrations(database, folder);
  let backup: { folder: string; pending: number } | null = null;
  if (pending > 0 && hasData) {
    const taken = await takeBackup({ dataDir: options.dataDir, reason: "before-migration" });
    pruneBackups(options.dataDir, options.backupKeep);
    backup = { folder: taken.folder, pending };
  }
  migrateDatabase(database, folder);
  return backup;
}
