import { getEnv } from "@/lib/env";
import { databaseFile, openDatabase, type DB } from "./client";

export type { DB } from "./client";

// The one connection of this process. Development hot reloads re-evaluate this module,
// so the connection is kept on globalThis rather than reopened on every edit.
const globalForDb = globalThis as unknown as { coopDb?: DB };

export const db: DB = globalForDb.coopDb ?? openDatabase(databaseFile(getEnv().dataDir));

if (getEnv().nodeEnv !== "production") globalForDb.coopDb = db;
