/**
 * `npm start`: checks the configuration, prepares DATA_DIR and the database (refuses a
 * read-only one, takes a backup before applying new migrations, migrates, then seeds an
 * empty one), builds when the build is missing or was made from other sources, and serves
 * with `next start`. The server itself runs the daily maintenance (instrumentation.ts).
 * `--dev` serves with `next dev`; `--build-only` stops after the build.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ConfigurationError, parseEnv, type Env } from "../env";
import { buildInputs, recordBuild, staleBuildReason, withBuildLock } from "./build-freshness";

const root = path.resolve(__dirname, "..", "..");
const nextBin = require.resolve("next/dist/bin/next");

type Mode = "start" | "dev" | "build";

function loadEnv(mode: Mode): Env {
  // Checked as the server will run, so production's rules apply to `npm start` here too.
  const nodeEnv = mode === "dev" ? "development" : "production";
  try {
    return parseEnv({ ...process.env, NODE_ENV: nodeEnv });
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

/** NEXTAUTH_SECRET, when not given, is generated once and kept beside the database. */
function ensureSecret(env: Env): string {
  if (env.nextAuthSecret) return env.nextAuthSecret;
  const file = path.join(env.dataDir, "secret");
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * Stops at start, with one line naming the path, when DATA_DIR or the database cannot be
 * written: otherwise the portal would serve pages and fail on the first form. Tried by
 * writing, not by permission bits, which say nothing of a read-only mount.
 */
function assertWritable(env: Env) {
  const readOnly = (target: string, error: unknown) => {
    console.error(`Storage error: ${target} is read-only (${(error as NodeJS.ErrnoException).code}): the portal writes its database, uploads, outbox and backups under DATA_DIR. Make it writable, or set DATA_DIR to a folder that is.`);
    process.exit(1);
  };
  for (const folder of ["", "outbox", "uploads", "backups"]) {
    const target = path.join(env.dataDir, folder);
    try {
      fs.mkdirSync(target, { recursive: true });
      const probe = path.join(target, `.write-check-${process.pid}`);
      fs.writeFileSync(probe, "");
      fs.rmSync(probe);
    } catch (error) {
      readOnly(target, error);
    }
  }
  const database = path.join(env.dataDir, "coop.db");
  if (!fs.existsSync(database)) return;
  try {
    fs.closeSync(fs.openSync(database, "r+"));
  } catch (error) {
    readOnly(database, error);
  }
}

async function prepareData(env: Env) {
  assertWritable(env);
  // The database modules read DATA_DIR when first imported: point them at ours first.
  process.env.DATA_DIR = env.dataDir;
  const { databaseFile } = await import("../../db/client");
  const { db: database } = await import("../../db/index");
  const { migrateWithBackup } = await import("../backups/migrate-with-backup");
  const { demoAccountsDisabledMessage, seedDatabase } = await import("../../db/cli/seed");
  try {
    const backup = await migrateWithBackup(database, { dataDir: env.dataDir, backupKeep: env.backupKeep });
    if (backup) console.log(`Took a backup before applying ${backup.pending} new migration${backup.pending === 1 ? "" : "s"}: ${backup.folder}`);
    const report = await seedDatabase(database, { demo: env.demo });
    const seeded =
      report.pagesAdded + report.settingsAdded + report.usersAdded + report.monographsAdded + report.demoApplicationsAdded + report.demoJobsAdded + report.demoSubscribersAdded + report.demoIssuesAdded + report.demoCampaignsAdded + report.demoElectionsAdded;
    console.log(
      seeded > 0
        ? `Database ready at ${databaseFile(env.dataDir)}: seeded ${report.pagesAdded} pages, ${report.settingsAdded} settings, ${report.usersAdded} demo accounts, ${report.monographsAdded} monographs, ${report.demoApplicationsAdded} demo owner applications, ${report.demoJobsAdded} demo job postings, ${report.demoSubscribersAdded} demo newsletter subscribers, ${report.demoIssuesAdded} demo Rutabaga Rap issues and ${report.demoCampaignsAdded} demo newsletter campaigns; ${report.demoElectionsAdded} demo elections`
        : `Database ready at ${databaseFile(env.dataDir)}: existing data kept, nothing to seed`,
    );
    if (report.demoAccountsDisabled.length) console.log(demoAccountsDisabledMessage(report.demoAccountsDisabled));
    // Before the server listens no request can be writing an upload, so every temporary file
    // without a row is a crashed request's, whatever its age (the daily sweep must spare young ones).
    const { removeLeftoverUploads } = await import("../uploads/storage");
    const { listUploadIds } = await import("../../db/queries/uploads");
    removeLeftoverUploads(() => listUploadIds(database), new Date(), 0);
  } finally {
    database.$client.close();
  }
}

function runNext(args: string[], childEnv: NodeJS.ProcessEnv) {
  return spawn(process.execPath, [nextBin, ...args], { cwd: root, env: childEnv, stdio: "inherit" });
}

/**
 * Builds when the build is missing or made from other sources. Under the build lock, so
 * that a second launcher waits for the first one's build and then finds it fresh.
 */
function buildIfStale(env: Env, childEnv: NodeJS.ProcessEnv) {
  const failedWith = withBuildLock(
    root,
    (): number | null => {
      // Read before the build: a file edited while it runs makes the next start build again.
      const inputs = buildInputs(root, { dataDir: env.dataDir });
      const reason = staleBuildReason(root, inputs);
      if (!reason) return null;
      console.log(`Building the portal (${reason}); this takes a few minutes on a small machine…`);
      const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env: childEnv, stdio: "inherit" });
      if (result.status !== 0) return result.status ?? 1;
      recordBuild(root, { inputs });
      return null;
    },
    (holder) => console.log(`Waiting for the build another launcher (process ${holder}) is making…`),
  );
  if (failedWith !== null) {
    console.error("The build failed; see the messages above.");
    process.exit(failedWith);
  }
}

async function announceWhenReady(env: Env) {
  const url = `http://localhost:${env.port}`;
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) {
        console.log(`\nCo-op portal ready at ${url} (site URL ${env.siteUrl}, data in ${env.dataDir})\n`);
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main() {
  const mode: Mode = process.argv.includes("--dev") ? "dev" : process.argv.includes("--build-only") ? "build" : "start";
  const env = loadEnv(mode);
  await prepareData(env);

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: env.nodeEnv,
    DATA_DIR: env.dataDir,
    SITE_URL: env.siteUrl,
    NEXTAUTH_URL: env.siteUrl,
    DEMO: env.demo ? "1" : "0",
    NEXTAUTH_SECRET: ensureSecret(env),
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (mode === "build") {
    buildIfStale(env, childEnv);
    return;
  }
  if (mode === "start") buildIfStale(env, childEnv);

  const server = runNext(mode === "dev" ? ["dev", "-p", String(env.port)] : ["start", "-p", String(env.port)], childEnv);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  void announceWhenReady(env);
}

void main();
