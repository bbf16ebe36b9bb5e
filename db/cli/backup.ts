/**
 * `npm run db:backup`: an online backup of DATA_DIR (database and uploaded files) into
 * DATA_DIR/backups/<time>/, safe while the portal runs; then keeps the newest BACKUP_KEEP.
 */
import { pruneBackups } from "@/lib/backups/backup-folders";
import { takeBackup } from "@/lib/backups/take-backup";
import { getEnv } from "@/lib/env";

async function main() {
  const { dataDir, backupKeep } = getEnv();
  const { folder, manifest } = await takeBackup({ dataDir, reason: "manual" });
  const removed = pruneBackups(dataDir, backupKeep);
  const rows = Object.values(manifest.tables).reduce((sum, count) => sum + count, 0);
  if (removed > 0) console.log(`Removed ${removed} old backup${removed === 1 ? "" : "s"} (BACKUP_KEEP=${backupKeep})`);
  console.log(
    `Backup written to ${folder} (database ${(manifest.database.bytes / 1024).toFixed(0)} KiB, ${rows} rows in ${Object.keys(manifest.tables).length} tables, ${manifest.uploads.length} uploaded files; integrity, row counts and files checked)`,
  );
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
