import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

export type RunningPortal = {
  url: string;
  dataDir: string;
  /** Everything the launcher and the server printed so far. */
  output: () => string;
  stop: () => Promise<void>;
  /** Kills the launcher and the server at once (SIGKILL to the process group): a crash, nothing cleaned up. */
  kill: () => Promise<void>;
};

/**
 * The environment that preloads helpers/shifted-clock.cjs into a portal: its clock runs
 * ahead by the milliseconds written in `clockFile` (read again every 200 ms).
 */
export function shiftedClockEnv(clockFile: string) {
  return {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require "${path.join(__dirname, "shifted-clock.cjs")}"`.trim(),
    SHIFTED_CLOCK_FILE: clockFile,
  };
}

/**
 * A demo portal that sends its mail over SMTP to a test receiver on `smtpPort`. Every test
 * signs in and sends forms from 127.0.0.1, so the per-address and total limits are lifted:
 * they are proven on portals of their own.
 */
export function mailingPortalEnv(smtpPort: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "Co-op portal <portal@coop.example>",
    DEMO: "1",
    SIGNIN_LIMIT_PER_IP: "100000",
    PUBLIC_FORM_LIMIT_PER_IP: "100000",
    PUBLIC_FORM_LIMIT_TOTAL_PER_HOUR: "1000000",
    ...extra,
  };
}

export function temporaryDataDir(label: string) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `coop-${label}-`));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    process.kill(-child.pid!, "SIGTERM");
  });
}

function killProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    process.kill(-child.pid!, "SIGKILL");
  });
}

const launcher = [require.resolve("tsx/cli"), "--conditions=react-server", "lib/cli/start.ts"];

/** Whether a portal started with `env` runs in demo mode (lib/env.ts: DEMO, else on without SMTP_URL). */
const isDemo = (env: Record<string, string | undefined>) => (env.DEMO ? env.DEMO === "1" : !env.SMTP_URL);

/**
 * Builds when stale and prepares a demo DATA_DIR once, with `npm start`'s own code
 * (`--build-only`: migrate, seed, build), for startPortal to copy into each demo portal's
 * empty DATA_DIR: a portal then starts on a database that needs no migration or seeding.
 * Done before any portal starts (the project's global setup), so none reads an early copy.
 */
export function prepareTemplateDataDir() {
  const dataDir = temporaryDataDir("template");
  const result = spawnSync(process.execPath, [...launcher, "--build-only"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, DEMO: "1", SITE_URL: "http://127.0.0.1:3000" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Preparing the portals' database failed:\n${result.stdout}${result.stderr}`);
  process.env.PORTAL_TEMPLATE_DIR = dataDir;
  return dataDir;
}

/** Copies the prepared demo database and its uploads (not its secret) into a DATA_DIR without a database, if there is one. */
export function copyTemplateInto(dataDir: string) {
  const template = process.env.PORTAL_TEMPLATE_DIR;
  if (!template || fs.existsSync(path.join(dataDir, "coop.db"))) return;
  for (const entry of fs.readdirSync(template)) {
    if (entry === "secret") continue;
    fs.cpSync(path.join(template, entry), path.join(dataDir, entry), { recursive: true });
  }
}

/**
 * Starts the portal exactly as `npm start` does (the same launcher: migrate, seed,
 * build when stale, `next start`) on a free port, and resolves once /api/health answers.
 * A demo portal on an empty DATA_DIR starts from the prepared database when there is one.
 */
export async function startPortal(options: { dataDir: string; env?: Record<string, string>; fromTemplate?: boolean }): Promise<RunningPortal> {
  if ((options.fromTemplate ?? true) && isDemo({ ...process.env, ...options.env })) copyTemplateInto(options.dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, launcher, {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: options.dataDir,
      SITE_URL: url,
      // Elections open and close within a second of their time, not a minute: tests wait on them.
      ELECTION_CHECK_MS: "1000",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));

  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The portal exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) {
        return { url, dataDir: options.dataDir, output: () => output, stop: () => stopProcess(child), kill: () => killProcess(child) };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await stopProcess(child);
  throw new Error(`The portal did not answer /api/health in time:\n${output}`);
}
