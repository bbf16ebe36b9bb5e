import fs from "node:fs";
import path from "node:path";

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
  // written by builds, type checks and test runs
  ".next",
  "next-env.d.ts",
  "coverage",
  // DATA_DIR's default: the database changes while the portal runs
  "data",
  // tools the build does not run
  "__tests__",
  "jest.config.js",
  "eslint.config.mjs",
  "drizzle.config.ts",
]);

const isBuildInput = (name: string) => !notBuildInputs.has(name) && !name.endsWith(".tsbuildinfo");

/** The newest file or folder under `target` (itself included; the deepest on a tie, which names the file edited), skipping `skipped` paths. */
function newestUnder(target: string, skipped: ReadonlySet<string>): { path: string; mtimeMs: number } | null {
  if (skipped.has(target)) return null;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return null;
  }
  let newest = { path: target, mtimeMs: stat.mtimeMs };
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target)) {
      const found = newestUnder(path.join(target, entry), skipped);
      if (found && found.mtimeMs >= newest.mtimeMs) newest = found;
    }
  }
  return newest;
}

/**
 * What of the environment a build bakes in: next.config.js compiles the public pages'
 * headers into the build, and their HSTS and `upgrade-insecure-requests` follow whether
 * SITE_URL is https.
 */
export type BuildSettings = { https: boolean };

const settingsFile = (root: string) => path.join(root, ".next", "portal-build.json");

/** Records the settings a build was made with, beside it. */
export function recordBuildSettings(root: string, settings: BuildSettings) {
  fs.writeFileSync(settingsFile(root), JSON.stringify(settings));
}

function builtWith(root: string): BuildSettings | null {
  try {
    return JSON.parse(fs.readFileSync(settingsFile(root), "utf8")) as BuildSettings;
  } catch {
    return null;
  }
}

/**
 * Why a build is needed, or null when `.next` is newer than every build input and made
 * for these settings. `dataDir` is skipped wherever it lies: a DATA_DIR kept inside the
 * project changes with every write to the database.
 */
export function staleBuildReason(root: string, settings: BuildSettings, options: { dataDir?: string } = {}): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "no production build yet";
  const builtAt = fs.statSync(buildId).mtimeMs;
  const skipped = new Set(options.dataDir ? [path.resolve(options.dataDir)] : []);
  for (const entry of fs.readdirSync(root).filter(isBuildInput)) {
    const newest = newestUnder(path.join(root, entry), skipped);
    if (newest && newest.mtimeMs > builtAt) return `${path.relative(root, newest.path)} changed since the last build`;
  }
  if (builtWith(root)?.https !== settings.https) return `SITE_URL is ${settings.https ? "now" : "no longer"} https`;
  return null;
}
