import { spawn, type ChildProcess } from "node:child_process";
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

/**
 * Starts the portal exactly as `npm start` does (the same launcher: migrate, seed,
 * build when stale, `next start`) on a free port, and resolves once /api/health answers.
 */
export async function startPortal(options: { dataDir: string; env?: Record<string, string> }): Promise<RunningPortal> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", "lib/cli/start.ts"], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: options.dataDir,
      SITE_URL: url,
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
