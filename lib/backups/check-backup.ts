import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BACKUP_DATABASE_FILE, BACKUP_UPLOADS_FOLDER, countRows, MANIFEST_FILE, sha256OfFile, type BackupManifest } from "./manifest";

/** Something about a backup folder that makes it unsafe to restore; the message says what. */
export class BackupProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupProblem";
  }
}

function readManifest(folder: string): BackupManifest {
  const file = path.join(folder, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new BackupProblem(`${folder} has no ${MANIFEST_FILE}: it is not a backup folder, or not a whole one`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8")) as BackupManifest;
  } catch {
    throw new BackupProblem(`${file} is not valid JSON`);
  }
  if (manifest.format !== 1 || !manifest.database || !manifest.tables || !Array.isArray(manifest.uploads)) {
    throw new BackupProblem(`${file} is not a backup manifest this version of the portal reads`);
  }
  return manifest;
}

/**
 * Checks every byte a restore would put back against the manifest: the database file's
 * hash, SQLite's integrity check, the row count of every table, and each uploaded file's
 * hash. Throws a BackupProblem naming the first thing wrong.
 */
export function checkBackup(folder: string): BackupManifest {
  const manifest = readManifest(folder);
  const databaseCopy = path.join(folder, BACKUP_DATABASE_FILE);
  if (!fs.existsSync(databaseCopy)) throw new BackupProblem(`${databaseCopy} is missing`);
  if (sha256OfFile(databaseCopy) !== manifest.database.sha256) throw new BackupProblem(`${databaseCopy} has changed since the backup was taken (its hash differs)`);

  const copy = new Database(databaseCopy, { readonly: true, fileMustExist: true });
  try {
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new BackupProblem(`${databaseCopy} fails SQLite's integrity check: ${String(integrity)}`);
    const counted = countRows(copy);
    const differing = Object.keys({ ...manifest.tables, ...counted }).filter((table) => counted[table] !== manifest.tables[table]);
    if (differing.length > 0) throw new BackupProblem(`${databaseCopy} does not hold the rows its manifest lists (tables ${differing.join(", ")})`);
  } finally {
    copy.close();
  }

  for (const upload of manifest.uploads) {
    const file = path.join(folder, BACKUP_UPLOADS_FOLDER, path.basename(upload.id));
    if (!fs.existsSync(file)) throw new BackupProblem(`${file} is missing`);
    if (sha256OfFile(file) !== upload.sha256) throw new BackupProblem(`${file} has changed since the backup was taken (its hash differs)`);
  }
  return manifest;
}
