import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Held while one launcher checks and builds (withBuildLock). */
const buildLockName = ".portal-build.lock";

/**
 * Top-level entries `next build` never reads. Everything else in the project folder is a
 * build input, so a new folder (or a file like db/client.ts that the app imports from a
 * folder thought to be data) is one by default; over-counting costs a rebuild, missing
 * one serves an old build.
 */
const notBuildInputs = new Set([
  // the repository, its docs and CI
  ".git",
  ".gitignore",
  ".ci",
  "README.md",
  "docs",
  // installs show in package-lock.json; walking node_modules would take seconds
  "node_modules",
  // written by builds, type checks, test runs (jest's SWC transform keeps .swc) and the bench
  ".next",
  "next-env.d.ts",
  "coverage",
  ".swc",
  ".bench",
  buildLockName,
  // DATA_DIR's default: the database changes while the portal runs
  "data",
  // tools the build does not run
  "__tests__",
  "jest.config.js",
  "eslint.config.mjs",
  "drizzle.config.ts",
]);

const isBuildInput = (name: string) => !notBuildInputs.has(name) && !name.endsWith(".tsbuildinfo");

/** Each file under `target` by its path from `root`, with a digest of its content; `skipped` paths left out. */
function digestFiles(root: string, target: string, skipped: ReadonlySet<string>, into: Map<string, string>) {
  if (skipped.has(target)) return;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target)) digestFiles(root, path.join(target, entry), skipped, into);
  } else if (stat.isFile()) {
    into.set(path.relative(root, target), crypto.createHash("sha256").update(fs.readFileSync(target)).digest("base64url"));
  }
}

/**
 * The build's inputs as they are now: every file of the project that a build reads, by
 * content. Content, not modification times: a clock set back, a checkout that touches
 * files without changing them, or a tool that leaves a folder in the project must not
 * start a build while a server runs on the last one (a build empties `.next` under it).
 * `dataDir` is skipped wherever it lies: a DATA_DIR kept inside the project changes with
 * every write to the database. About 600 files: tens of milliseconds.
 */
export function buildInputs(root: string, options: { dataDir?: string } = {}): Record<string, string> {
  const skipped = new Set(options.dataDir ? [path.resolve(options.dataDir)] : []);
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(root).filter(isBuildInput)) digestFiles(root, path.join(root, entry), skipped, files);
  return Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Beside the build: the inputs it was made from. Nothing of the environment is baked in:
 * pages that read it (SITE_URL in links, the security headers' https parts) are rendered
 * or sent by the running server.
 */
type BuildRecord = { inputs: Record<string, string> };

const recordFile = (root: string) => path.join(root, ".next", "portal-build.json");

/** Records, beside a finished build, the inputs (read before it started) it was made from. */
export function recordBuild(root: string, record: BuildRecord) {
  fs.writeFileSync(recordFile(root), JSON.stringify(record));
}

function lastBuild(root: string): BuildRecord | null {
  try {
    const record = JSON.parse(fs.readFileSync(recordFile(root), "utf8")) as Partial<BuildRecord>;
    return record.inputs && typeof record.inputs === "object" ? (record as BuildRecord) : null;
  } catch {
    return null;
  }
}

/** The first input (by path) added, changed or removed between two builds' inputs, said for a person. */
function firstDifference(before: Record<string, string>, now: Record<string, string>): string | null {
  const paths = [...new Set([...Object.keys(before), ...Object.keys(now)])].sort();
  for (const file of paths) {
    if (!(file in now)) return `${file} was removed since the last build`;
    if (before[file] !== now[file]) return `${file} changed since the last build`;
  }
  return null;
}

/** Why a build is needed, or null when `.next` was built from exactly these inputs. */
export function staleBuildReason(root: string, inputs: Record<string, string>): string | null {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return "no production build yet";
  const last = lastBuild(root);
  if (!last) return "the last build left no record of its sources";
  return firstDifference(last.inputs, inputs);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Runs `work` while holding the project's build lock, so that two `npm start`s (or test
 * portals) at once build one after the other: the second then finds the build fresh. A
 * lock left by a process that no longer runs (killed mid-build) is taken over. Two
 * launchers taking over the same dead lock at the same instant could both go on; a
 * launcher killed mid-build is rare and two more starting within that instant rarer, so
 * this is left simple.
 */
export function withBuildLock<T>(root: string, work: () => T, onWait: (holder: number) => void = () => {}): T {
  const lock = path.join(root, buildLockName);
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(fs.readFileSync(lock, "utf8"), 10);
      if (!Number.isInteger(holder) || !isRunning(holder)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (!told) onWait(holder);
      told = true;
      sleep(500);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
