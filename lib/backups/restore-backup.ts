import fs from "node:fs";
import path from "node:path";
import { databaseFile } from "@/db/client";
import { backupFolderName } from "./backup-folders";
import { BackupProblem, checkBackup } from "./check-backup";
import { claimDatabase } from "./database-in-use";
import { BACKUP_DATABASE_FILE, BACKUP_UPLOADS_FOLDER, fsyncPath, type BackupManifest } from "./manifest";

export type RestoreResult = {
  manifest: BackupManifest;
  /** Where the database and uploads that were replaced now are; null when DATA_DIR had none. */
  replacedFolder: string | null;
};

/**
 * Restores a backup folder into DATA_DIR, database and files together: checks the backup
 * whole first, copies it beside the live data, claims the live database (refusing while
 * any process has it open), moves the live database and uploads aside into
 * DATA_DIR/replaced/<time>/, then renames the copies into place. Nothing live is touched
 * until the backup has passed its checks and is fully copied.
 */
export function restoreBackup(options: { dataDir: string; from: string; newestKnownMigrationAt: number; now?: Date }): RestoreResult {
  const from = path.resolve(options.from);
  const manifest = checkBackup(from);
  if (manifest.database.lastMigrationAt !== null && manifest.database.lastMigrationAt > options.newestKnownMigrationAt) {
    throw new BackupProblem(`${from} was taken by a newer version of the portal (its database has migrations this version does not know): restore it with that version`);
  }

  const dataDir = path.resolve(options.dataDir);
  const stamp = backupFolderName(options.now ?? new Date());
  const staging = path.join(dataDir, `.restoring-${stamp}`);
  fs.mkdirSync(path.join(staging, BACKUP_UPLOADS_FOLDER), { recursive: true, mode: 0o700 });
  try {
    fs.copyFileSync(path.join(from, BACKUP_DATABASE_FILE), path.join(staging, BACKUP_DATABASE_FILE));
    fsyncPath(path.join(staging, BACKUP_DATABASE_FILE));
    for (const upload of manifest.uploads) {
      const target = path.join(staging, BACKUP_UPLOADS_FOLDER, path.basename(upload.id));
      fs.copyFileSync(path.join(from, BACKUP_UPLOADS_FOLDER, path.basename(upload.id)), target);
      fsyncPath(target);
    }
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }

  const live = databaseFile(dataDir);
  const liveUploads = path.join(dataDir, "uploads");
  let release: () => void;
  try {
    release = claimDatabase(live);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  try {
    const replacedFolder = moveAside(dataDir, stamp, [live, `${live}-wal`, `${live}-shm`, `${live}-journal`, liveUploads]);
    fs.renameSync(path.join(staging, BACKUP_DATABASE_FILE), live);
    fs.renameSync(path.join(staging, BACKUP_UPLOADS_FOLDER), liveUploads);
    fs.rmSync(staging, { recursive: true, force: true });
    fsyncPath(dataDir);
    return { manifest, replacedFolder };
  } finally {
    release();
  }
}

/** Moves what exists of `targets` into DATA_DIR/replaced/<stamp>/, keeping their names. */
function moveAside(dataDir: string, stamp: string, targets: string[]) {
  const existing = targets.filter((target) => fs.existsSync(target));
  if (existing.length === 0) return null;
  const folder = path.join(dataDir, "replaced", stamp);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  for (const target of existing) fs.renameSync(target, path.join(folder, path.basename(target)));
  return folder;
}
