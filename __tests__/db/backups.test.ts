import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { databaseFile } from "@/db/client";
import { migrationsFolder, newestMigrationAt } from "@/db/cli/migrate";
import { openDatabase } from "@/db/client";
import { auditLog, uploads } from "@/db/schema";
import { backupFolderName, listBackups, pruneBackups } from "@/lib/backups/backup-folders";
import { BackupProblem, checkBackup } from "@/lib/backups/check-backup";
import { DatabaseInUse } from "@/lib/backups/database-in-use";
import { restoreBackup } from "@/lib/backups/restore-backup";
import { migrateWithBackup } from "@/lib/backups/migrate-with-backup";
import { takeBackup } from "@/lib/backups/take-backup";
import { uploadsFolder } from "@/lib/uploads/storage";
import { runMaintenance } from "@/lib/maintenance/run-maintenance";

const dataDir = process.env.DATA_DIR!;
fs.mkdirSync(uploadsFolder(), { recursive: true });

let files = 0;
/** An upload row with its file, as a résumé or an issue PDF is stored; `pending` leaves it under its temporary name. */
function storeUpload(content: string, options: { pending?: boolean } = {}) {
  const id = (++files).toString(16).padStart(32, "0");
  fs.writeFileSync(path.join(uploadsFolder(), options.pending ? `${id}.part` : id), content);
  db.insert(uploads).values({ id, originalName: "cv.pdf", contentType: "application/pdf", sizeBytes: Buffer.byteLength(content) }).run();
  return id;
}

const freshDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "coop-restore-"));
const rowsIn = (file: string, table: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite.prepare(`select count(*) from ${table}`).pluck().get();
  } finally {
    sqlite.close();
  }
};

describe("taking a backup", () => {
  it("copies the database and every file its uploads name into a folder named by the time, with a manifest", async () => {
    const kept = storeUpload("%PDF-1.7 one résumé");
    const { folder, manifest } = await takeBackup({ dataDir, reason: "manual" });

    expect(path.dirname(folder)).toBe(path.join(dataDir, "backups"));
    expect(path.basename(folder)).toBe(backupFolderName(new Date(manifest.takenAt)));
    expect(fs.readFileSync(path.join(folder, "uploads", kept), "utf8")).toBe("%PDF-1.7 one résumé");
    expect(manifest.uploads.map((upload) => upload.id)).toContain(kept);
    expect(manifest.tables.uploads).toBe(files);
    expect(manifest.tables.__drizzle_migrations).toBeGreaterThan(0);
    expect(rowsIn(path.join(folder, "coop.db"), "uploads")).toBe(files);
    // One self-contained file, readable by its owner alone.
    expect(fs.existsSync(path.join(folder, "coop.db-wal"))).toBe(false);
    expect(fs.statSync(path.join(folder, "coop.db")).mode & 0o077).toBe(0);
    expect(checkBackup(folder)).toEqual(manifest);
  });

  it("holds the rows of one moment: what is written while it copies is in the next backup, not half in this one", async () => {
    const writer = new Database(databaseFile(dataDir));
    writer.pragma("busy_timeout = 5000");
    const insert = writer.prepare("insert into audit_log (action, subject_type, subject_id, at) values ('test.write', 'test', ?, ?)");
    let writes = 0;
    const interval = setInterval(() => insert.run(String(++writes), Date.now()), 1);
    try {
      for (let round = 0; round < 5; round++) {
        const { folder, manifest } = await takeBackup({ dataDir, reason: "manual" });
        expect(rowsIn(path.join(folder, "coop.db"), "audit_log")).toBe(manifest.tables.audit_log);
        expect(checkBackup(folder).tables).toEqual(manifest.tables);
      }
    } finally {
      clearInterval(interval);
      writer.close();
    }
    expect(writes).toBeGreaterThan(0);
  });

  it("copies a committed file still under its temporary name (the rename follows the commit)", async () => {
    const pending = storeUpload("%PDF-1.7 just committed", { pending: true });
    const { folder } = await takeBackup({ dataDir, reason: "manual" });
    expect(fs.readFileSync(path.join(folder, "uploads", pending), "utf8")).toBe("%PDF-1.7 just committed");
    fs.renameSync(path.join(uploadsFolder(), `${pending}.part`), path.join(uploadsFolder(), pending));
  });

  it("fails, and leaves no backup folder, when a file its rows name is gone from the disk", async () => {
    const lost = storeUpload("%PDF-1.7 lost");
    fs.rmSync(path.join(uploadsFolder(), lost));
    const before = listBackups(dataDir).length;
    await expect(takeBackup({ dataDir, reason: "manual" })).rejects.toThrow();
    expect(listBackups(dataDir)).toHaveLength(before);
    expect(fs.readdirSync(path.join(dataDir, "backups")).filter((name) => name.startsWith("."))).toEqual([]);
    db.delete(uploads).where(eq(uploads.id, lost)).run();
  });
});

describe("checking a backup", () => {
  it.each([
    ["an uploaded file changed", (folder: string) => fs.appendFileSync(path.join(folder, "uploads", fs.readdirSync(path.join(folder, "uploads"))[0]!), "x"), /has changed/],
    ["an uploaded file missing", (folder: string) => fs.rmSync(path.join(folder, "uploads", fs.readdirSync(path.join(folder, "uploads"))[0]!)), /is missing/],
    ["the database changed", (folder: string) => fs.appendFileSync(path.join(folder, "coop.db"), Buffer.alloc(4096)), /has changed/],
    ["no manifest", (folder: string) => fs.rmSync(path.join(folder, "manifest.json")), /no manifest\.json/],
  ])("refuses a backup with %s", async (_case, damage, message) => {
    const { folder } = await takeBackup({ dataDir, reason: "manual" });
    damage(folder);
    expect(() => checkBackup(folder)).toThrow(BackupProblem);
    expect(() => checkBackup(folder)).toThrow(message);
    fs.rmSync(folder, { recursive: true });
  });
});

describe("restoring a backup", () => {
  it("puts database and files back into a fresh DATA_DIR", async () => {
    const resume = storeUpload("%PDF-1.7 restored résumé");
    const { folder, manifest } = await takeBackup({ dataDir, reason: "manual" });
    const target = freshDataDir();

    const result = restoreBackup({ dataDir: target, from: folder, newestKnownMigrationAt: newestMigrationAt() });
    expect(result.replacedFolder).toBeNull();
    expect(rowsIn(path.join(target, "coop.db"), "uploads")).toBe(manifest.tables.uploads);
    expect(fs.readFileSync(path.join(target, "uploads", resume), "utf8")).toBe("%PDF-1.7 restored résumé");
    expect(fs.readdirSync(target).sort()).toEqual(["coop.db", "uploads"]);
  });

  it("keeps the database and files it replaces under DATA_DIR/replaced/", async () => {
    const { folder } = await takeBackup({ dataDir, reason: "manual" });
    const target = freshDataDir();
    restoreBackup({ dataDir: target, from: folder, newestKnownMigrationAt: newestMigrationAt() });
    fs.writeFileSync(path.join(target, "uploads", "f".repeat(32)), "a file of the replaced data");

    const { replacedFolder } = restoreBackup({ dataDir: target, from: folder, newestKnownMigrationAt: newestMigrationAt() });
    expect(fs.readFileSync(path.join(replacedFolder!, "uploads", "f".repeat(32)), "utf8")).toBe("a file of the replaced data");
    expect(fs.existsSync(path.join(replacedFolder!, "coop.db"))).toBe(true);
    expect(fs.existsSync(path.join(target, "uploads", "f".repeat(32)))).toBe(false);
  });

  it("refuses while another process has the database open, and changes nothing", async () => {
    const { folder } = await takeBackup({ dataDir, reason: "manual" });
    const target = freshDataDir();
    restoreBackup({ dataDir: target, from: folder, newestKnownMigrationAt: newestMigrationAt() });
    const server = new Database(path.join(target, "coop.db"));
    server.pragma("journal_mode = WAL");
    server.prepare("insert into audit_log (action, subject_type, subject_id, at) values ('after.restore', 'test', '1', 0)").run();
    const before = fs.readdirSync(target).sort();
    try {
      expect(() => restoreBackup({ dataDir: target, from: folder, newestKnownMigrationAt: newestMigrationAt() })).toThrow(DatabaseInUse);
      expect(fs.readdirSync(target).sort()).toEqual(before);
      expect(server.prepare("select count(*) from audit_log where action = 'after.restore'").pluck().get()).toBe(1);
    } finally {
      server.close();
    }
  });

  it("refuses a backup taken by a newer version of the portal", async () => {
    const { folder } = await takeBackup({ dataDir, reason: "manual" });
    expect(() => restoreBackup({ dataDir: freshDataDir(), from: folder, newestKnownMigrationAt: newestMigrationAt() - 1 })).toThrow(/newer version/);
  });
});

describe("keeping backups", () => {
  it("keeps the newest BACKUP_KEEP and removes older ones and the leftovers of a backup that died", async () => {
    await takeBackup({ dataDir, reason: "manual" });
    const dead = path.join(dataDir, "backups", `.incomplete-${backupFolderName(new Date(0))}`);
    fs.mkdirSync(dead);
    fs.utimesSync(dead, new Date(0), new Date(0));
    const newest = listBackups(dataDir).slice(0, 2).map((backup) => backup.name);

    pruneBackups(dataDir, 2);
    expect(listBackups(dataDir).map((backup) => backup.name)).toEqual(newest);
    expect(fs.existsSync(dead)).toBe(false);
  });
});

describe("maintenance", () => {
  const maintenanceRuns = () => db.select().from(auditLog).where(eq(auditLog.action, "maintenance.run")).all();

  it("on the server's schedule takes a backup when the newest is a day old, and records every run as counts", async () => {
    const later = new Date(Date.now() + 2 * 86_400_000);
    const report = await runMaintenance(db, { dataDir, backupKeep: 3, trigger: "schedule", now: later });
    expect(report.backupTaken).toBe(listBackups(dataDir)[0]!.name);
    expect(listBackups(dataDir).length).toBeLessThanOrEqual(3);

    const again = await runMaintenance(db, { dataDir, backupKeep: 3, trigger: "schedule", now: later });
    expect(again.backupTaken).toBeNull();
    const runs = maintenanceRuns();
    expect(runs.slice(-2).map((run) => run.detail)).toEqual([report, again]);
    expect(runs.at(-1)).toEqual(expect.objectContaining({ actorId: null, subjectType: "maintenance", subjectId: "schedule" }));
  });

  it("run by hand (npm run db:maintain) takes no backup", async () => {
    const report = await runMaintenance(db, { dataDir, backupKeep: 3, trigger: "command", now: new Date(Date.now() + 10 * 86_400_000) });
    expect(report.backupTaken).toBeNull();
    expect(maintenanceRuns().at(-1)!.subjectId).toBe("command");
  });
});

describe("migrations at start", () => {
  /** The committed migrations as they stood before the newest `dropped`: an older version of the portal. */
  function olderMigrationsFolder(dropped: number) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "coop-older-migrations-"));
    fs.cpSync(migrationsFolder, folder, { recursive: true });
    const journalFile = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: unknown[] };
    journal.entries = journal.entries.slice(0, -dropped);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    return folder;
  }

  it("takes a backup before applying new migrations to a database that holds data, and none for a new one", async () => {
    const target = freshDataDir();
    const database = openDatabase(databaseFile(target));
    try {
      expect(await migrateWithBackup(database, { dataDir: target, backupKeep: 3, folder: olderMigrationsFolder(2) })).toBeNull();
      database.$client.prepare("insert into audit_log (action, subject_type, subject_id, at) values ('before.upgrade', 'test', '1', 0)").run();

      const backup = await migrateWithBackup(database, { dataDir: target, backupKeep: 3 });
      expect(backup).toEqual({ folder: listBackups(target)[0]!.folder, pending: 2 });
      const manifest = checkBackup(backup!.folder);
      expect(manifest.reason).toBe("before-migration");
      expect(rowsIn(path.join(backup!.folder, "coop.db"), "__drizzle_migrations")).toBe(database.$client.prepare("select count(*) from __drizzle_migrations").pluck().get() as number - 2);
      expect(rowsIn(path.join(backup!.folder, "coop.db"), "audit_log")).toBe(1);

      expect(await migrateWithBackup(database, { dataDir: target, backupKeep: 3 })).toBeNull();
      expect(listBackups(target)).toHaveLength(1);
    } finally {
      database.$client.close();
    }
  });
});
