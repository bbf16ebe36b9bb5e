// Runs before each db test file: points DATA_DIR at a new temporary folder and migrates
// a fresh coop.db there with the real migrations, before any module opens the database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseFile, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/cli/migrate";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "coop-db-test-"));
process.env.DATA_DIR = dataDir;

const database = openDatabase(databaseFile(dataDir));
migrateDatabase(database);
database.$client.close();
