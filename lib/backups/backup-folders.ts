import fs from "node:fs";
import path from "node:path";

// Backups live in DATA_DIR/backups/, one folder each, named by the UTC time they were
// taken ("2026-12-06T03-15-42-123Z": sortable, and valid on every file system). A backup
// is written under a dot-name first and renamed once verified, so a folder with a plain
// name is always a whole, checked backup.

const NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;
const INCOMPLETE_PREFIX = ".incomplete-";
/** An incomplete folder this old belongs to a backup that died (a backup takes seconds). */
const INCOMPLETE_MAX_AGE_MS = 60 * 60_000;

export const backupsFolder = (dataDir: string) => path.join(dataDir, "backups");

export const backupFolderName = (takenAt: Date) => takenAt.toISOString().replace(/:/g, "-").replace(".", "-");

/** When a backup folder's name says it was taken, or null for a name that is not a backup's. */
export function backupTakenAt(name: string): Date | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, day, hours, minutes, seconds, millis] = match;
  const time = new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`);
  return Number.isNaN(time.getTime()) ? null : time;
}

/** A folder to write a backup into before it is verified, and the name it takes after. */
export function newBackupPaths(dataDir: string, takenAt: Date) {
  const name = backupFolderName(takenAt);
  return {
    incomplete: path.join(backupsFolder(dataDir), `${INCOMPLETE_PREFIX}${name}`),
    final: path.join(backupsFolder(dataDir), name),
  };
}

export type BackupEntry = { name: string; folder: string; takenAt: Date };

/** The whole backups in DATA_DIR/backups/, newest first. */
export function listBackups(dataDir: string): BackupEntry[] {
  const folder = backupsFolder(dataDir);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const takenAt = backupTakenAt(entry.name);
      return takenAt ? [{ name: entry.name, folder: path.join(folder, entry.name), takenAt }] : [];
    })
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/**
 * Keeps the newest `keep` backups and removes the older ones, and the leftovers of
 * backups that died before they were verified. Returns how many backups it removed.
 */
export function pruneBackups(dataDir: string, keep: number, now = new Date()) {
  const old = listBackups(dataDir).slice(keep);
  for (const backup of old) fs.rmSync(backup.folder, { recursive: true, force: true });
  const folder = backupsFolder(dataDir);
  if (fs.existsSync(folder)) {
    for (const name of fs.readdirSync(folder)) {
      if (!name.startsWith(INCOMPLETE_PREFIX)) continue;
      const stats = fs.statSync(path.join(folder, name), { throwIfNoEntry: false });
      if (stats && stats.mtimeMs < now.getTime() - INCOMPLETE_MAX_AGE_MS) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
    }
  }
  return old.length;
}
