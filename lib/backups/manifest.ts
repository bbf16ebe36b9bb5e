import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

/** Why a backup was taken: by hand (`npm run db:backup`), by the server's daily run, or at start before migrations. */
export type BackupReason = "manual" | "daily" | "before-migration";

/**
 * What a backup folder holds, written last (`manifest.json`) so that a restore can check
 * every byte it is about to put back: the database file's hash, the row count of every
 * table as read in the snapshot the copy was taken from, and each uploaded file's hash.
 */
export type BackupManifest = {
  format: 1;
  takenAt: string;
  reason: BackupReason;
  database: {
    file: "coop.db";
    bytes: number;
    sha256: string;
    /** drizzle's record of the newest migration applied (its journal `when`), to refuse a backup newer than this code. */
    lastMigrationAt: number | null;
  };
  tables: Record<string, number>;
  uploads: { id: string; bytes: number; sha256: string }[];
};

export const MANIFEST_FILE = "manifest.json";
export const BACKUP_DATABASE_FILE = "coop.db";
export const BACKUP_UPLOADS_FOLDER = "uploads";

export function sha256OfFile(file: string) {
  const hash = createHash("sha256");
  const descriptor = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    let read: number;
    while ((read = fs.readSync(descriptor, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(descriptor);
  }
  return hash.digest("hex");
}

/** Row counts of every table, read inside whatever transaction `sqlite` has open. */
export function countRows(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((table) => [table, sqlite.prepare(`select count(*) from "${table.replace(/"/g, '""')}"`).pluck().get() as number]));
}

export function writeManifest(folder: string, manifest: BackupManifest) {
  const file = path.join(folder, MANIFEST_FILE);
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  fsyncPath(file);
}

/** Flushes a file or folder to the disk, so that a rename after it cannot land before its content. */
export function fsyncPath(target: string) {
  const descriptor = fs.openSync(target, "r");
  try {
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
}
