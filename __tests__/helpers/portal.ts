import path from "node:path";
import Database from "better-sqlite3";

/** The portal started by the project's global setup. */
export function portalUrl(urlPath = "/") {
  const base = process.env.PORTAL_URL;
  if (!base) throw new Error("PORTAL_URL is not set: run this suite through its jest project");
  return new URL(urlPath, base).toString();
}

export function portalDataDir() {
  const dir = process.env.PORTAL_DATA_DIR;
  if (!dir) throw new Error("PORTAL_DATA_DIR is not set: run this suite through its jest project");
  return dir;
}

/** Where the test SMTP receiver stores what the portal sent (the browser suite uses the outbox). */
export function portalMailDir() {
  return process.env.PORTAL_MAIL_DIR ?? path.join(portalDataDir(), "outbox");
}

/** Runs `work` on the running portal's database file (WAL lets both write safely). */
export function withPortalDb<T>(work: (sqlite: Database.Database) => T, dataDir = portalDataDir()): T {
  const sqlite = new Database(path.join(dataDir, "coop.db"));
  sqlite.pragma("busy_timeout = 5000");
  try {
    return work(sqlite);
  } finally {
    sqlite.close();
  }
}
