import fs from "node:fs";
import path from "node:path";

/** What `next build` reads: a change to any of these makes the last build stale. */
const buildInputs = [
  "app",
  "components",
  "lib",
  "db/schema",
  "db/queries",
  "db/index.ts",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
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

/** Why a build is needed, or null when `.next` is newer than every build input and made for these settings. */
export function staleBuildReason(root: string, settings: BuildSettings): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "no production build yet";
  const builtAt = fs.statSync(buildId).mtimeMs;
  const changed = buildInputs.find((input) => newestMtime(path.join(root, input)) > builtAt);
  if (changed) return `${changed} changed since the last build`;
  if (builtWith(root)?.https !== settings.https) return `SITE_URL is ${settings.https ? "now" : "no longer"} https`;
  return null;
}
