import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFile } from "@/db/client";
import { lastMigrationAt } from "@/db/migration-level";
import { isUploadId, PENDING_SUFFIX } from "@/lib/uploads/storage";
import { newBackupPaths } from "./backup-folders";
import {
  BACKUP_DATABASE_FILE,
  BACKUP_UPLOADS_FOLDER,
  countRows,
  fsyncPath,
  sha256OfFile,
  writeManifest,
  type BackupManifest,
  type BackupReason,
} from "./manifest";

/** Copy the whole database in the backup API's first step, so that writes between steps cannot make it start over. */
const ALL_PAGES = 0x7fffffff;
/** A file can vanish only when its row was deleted after the snapshot; a new snapshot will not list it. */
const ATTEMPTS = 3;

export type BackupResult = { folder: string; manifest: BackupManifest };

/** A file listed in the snapshot was deleted before it could be copied. */
class UploadGoneError extends Error {}

/**
 * Takes an online backup of DATA_DIR while the portal runs: the database through
 * SQLite's backup API (never a copy of the live file, whose WAL would be missed) and a
 * copy of every uploaded file its `uploads` rows name, all as of one moment; then checks
 * the copy before it calls it a backup (`integrity_check`, foreign keys, the row count of
 * every table equal to the snapshot's, every file's size) and writes the manifest a
 * restore checks against. The folder takes its final name only once all that is done.
 */
export async function takeBackup(options: { dataDir: string; reason: BackupReason; now?: Date }): Promise<BackupResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await takeBackupOnce(options.dataDir, options.reason, options.now ?? new Date());
    } catch (error) {
      if (!(error instanceof UploadGoneError) || attempt === ATTEMPTS) throw error;
    }
  }
}

async function takeBackupOnce(dataDir: string, reason: BackupReason, takenAt: Date): Promise<BackupResult> {
  const paths = newBackupPaths(dataDir, takenAt);
  const databaseCopy = path.join(paths.incomplete, BACKUP_DATABASE_FILE);
  fs.mkdirSync(path.join(paths.incomplete, BACKUP_UPLOADS_FOLDER), { recursive: true, mode: 0o700 });
  try {
    const snapshot = await copyAtOneMoment(dataDir, databaseCopy, path.join(paths.incomplete, BACKUP_UPLOADS_FOLDER));
    checkCopy(databaseCopy, snapshot.tables);
    const manifest: BackupManifest = {
      format: 1,
      takenAt: takenAt.toISOString(),
      reason,
      database: {
        file: BACKUP_DATABASE_FILE,
        bytes: fs.statSync(databaseCopy).size,
        sha256: sha256OfFile(databaseCopy),
        lastMigrationAt: snapshot.lastMigrationAt,
      },
      tables: snapshot.tables,
      uploads: snapshot.uploads,
    };
    fs.chmodSync(databaseCopy, 0o600);
    fsyncPath(databaseCopy);
    writeManifest(paths.incomplete, manifest);
    fs.renameSync(paths.incomplete, paths.final);
    fsyncPath(path.dirname(paths.final));
    return { folder: paths.final, manifest };
  } catch (error) {
    fs.rmSync(paths.incomplete, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Inside one read transaction (a WAL snapshot: writers go on, this connection sees none of
 * their commits), counts every table, lists the uploads, copies the database with the
 * backup API (which reads through the same open transaction) and copies the files.
 */
async function copyAtOneMoment(dataDir: string, databaseCopy: string, uploadsCopy: string) {
  const source = new Database(databaseFile(dataDir), { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    source.exec("BEGIN");
    const tables = countRows(source);
    const rows = "uploads" in tables ? (source.prepare("select id, size_bytes as bytes from uploads order by id").all() as { id: string; bytes: number }[]) : [];
    const migrationAt = lastMigrationAt(source);
    await source.backup(databaseCopy, { progress: () => ALL_PAGES });
    const uploads = rows.map((row) => copyUpload(path.join(dataDir, "uploads"), row, uploadsCopy));
    source.exec("COMMIT");
    return { tables, uploads, lastMigrationAt: migrationAt };
  } finally {
    if (source.inTransaction) source.exec("ROLLBACK");
    source.close();
  }
}

/**
 * Copies one stored file. A row committed a moment ago may still have its file under the
 * temporary name (it is renamed right after the commit), complete all the same.
 */
function copyUpload(uploadsFolder: string, row: { id: string; bytes: number }, uploadsCopy: string) {
  if (!isUploadId(row.id)) throw new Error(`The uploads table holds an id that is not an upload id: ${JSON.stringify(row.id)}`);
  const target = path.join(uploadsCopy, row.id);
  const finalPath = path.join(uploadsFolder, row.id);
  const candidates = [finalPath, `${finalPath}${PENDING_SUFFIX}`, finalPath];
  const copied = candidates.some((candidate) => {
    try {
      fs.copyFileSync(candidate, target);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
  });
  if (!copied) throw new UploadGoneError(row.id);
  const bytes = fs.statSync(target).size;
  if (bytes !== row.bytes) throw new Error(`Upload ${row.id} is ${bytes} bytes on disk, but its row says ${row.bytes}`);
  fsyncPath(target);
  return { id: row.id, bytes, sha256: sha256OfFile(target) };
}

/**
 * Opens the copy alone and checks it; leaves it in rollback-journal mode, one
 * self-contained file to carry to another machine.
 */
function checkCopy(databaseCopy: string, expectedTables: Record<string, number>) {
  const copy = new Database(databaseCopy, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`The copy fails SQLite's integrity check: ${String(integrity)}`);
    const brokenKeys = copy.pragma("foreign_key_check") as unknown[];
    if (brokenKeys.length > 0) throw new Error(`The copy has ${brokenKeys.length} rows whose foreign key points nowhere`);
    const counted = countRows(copy);
    const differing = Object.keys({ ...expectedTables, ...counted }).filter((table) => counted[table] !== expectedTables[table]);
    if (differing.length > 0) {
      throw new Error(`The copy's row counts differ from the snapshot's in ${differing.map((table) => `${table} (${counted[table]} ≠ ${expectedTables[table]})`).join(", ")}`);
    }
  } finally {
    copy.close();
  }
}
