import fs from "node:fs";
import Database from "better-sqlite3";

/** Another process (a running portal, or a `db:*` command) has the database open. */
export class DatabaseInUse extends Error {
  constructor(readonly file: string) {
    super(
      `A process has ${file} open (a running portal, or a db:* command): stop it first. ` +
        "How this is known: every connection to the database shares its write-ahead log, and SQLite refuses to leave WAL mode while another connection has the file open.",
    );
    this.name = "DatabaseInUse";
  }
}

/**
 * Claims the database for this process alone, or throws DatabaseInUse. Switching the
 * journal out of WAL needs every other connection closed, and SQLite answers at once
 * (no busy wait) when one is not; the claim then holds an exclusive lock, so a server
 * starting meanwhile waits instead of opening the file. Returns a release function.
 */
export function claimDatabase(file: string): () => void {
  if (!fs.existsSync(file)) return () => {};
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 0");
    const mode = sqlite.pragma("journal_mode = DELETE", { simple: true });
    if (mode !== "delete") throw new DatabaseInUse(file);
    sqlite.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    sqlite.close();
    if (error instanceof DatabaseInUse) throw error;
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) throw new DatabaseInUse(file);
    throw error;
  }
  return () => {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    sqlite.close();
  };
}
