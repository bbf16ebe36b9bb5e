/**
 * `npm run db:restore -- PATH`: puts a backup folder back into DATA_DIR, database and
 * uploaded files together, keeping what it replaces under DATA_DIR/replaced/. Refuses
 * while any process has the database open.
 */
import path from "node:path";
import { BackupProblem } from "@/lib/backups/check-backup";
import { DatabaseInUse } from "@/lib/backups/database-in-use";
import { restoreBackup } from "@/lib/backups/restore-backup";
import { getEnv } from "@/lib/env";
import { newestMigrationAt } from "./migrate";

function main() {
  const from = process.argv[2];
  if (!from) {
    console.error("Usage: npm run db:restore -- PATH   (a folder under DATA_DIR/backups/, or one copied from another machine)");
    process.exit(1);
  }
  const { dataDir } = getEnv();
  try {
    const { manifest, replacedFolder } = restoreBackup({ dataDir, from, newestKnownMigrationAt: newestMigrationAt() });
    console.log(`Restored the backup taken ${manifest.takenAt} (${manifest.reason}) into ${dataDir}: database and ${manifest.uploads.length} uploaded files, checked against its manifest`);
    console.log(replacedFolder ? `What it replaced is kept in ${replacedFolder}` : "DATA_DIR held no database before");
    console.log("Start the portal (npm start); it applies any migrations newer than the backup.");
  } catch (error) {
    if (!(error instanceof BackupProblem || error instanceof DatabaseInUse)) throw error;
    console.error(`Restore refused: ${error.message}`);
    console.error(`Nothing in ${path.resolve(dataDir)} was changed.`);
    process.exit(1);
  }
}

main();
