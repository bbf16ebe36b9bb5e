/**
 * `npm run test:load [-- --full] [jest arguments]`: the load, fault and restore suites,
 * one file after another (they share two cores with the portals they start). `--full`
 * is ours, not jest's: it sets LOAD_FULL=1 for the figures in docs/reliability.md.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const args = process.argv.slice(2);
const full = args.includes("--full");
const jest = require.resolve("jest/bin/jest");
const result = spawnSync(process.execPath, [jest, "--selectProjects", "load", "--runInBand", ...args.filter((arg) => arg !== "--full")], {
  cwd: path.resolve(__dirname, "..", ".."),
  stdio: "inherit",
  env: { ...process.env, ...(full && { LOAD_FULL: "1" }) },
  // Stops by itself whatever happens: well above the measured times (about 1 minute in CI, a few with --full).
  timeout: (full ? 40 : 10) * 60_000,
  killSignal: "SIGKILL",
});
if (result.error) console.error(`npm run test:load stopped: ${result.error.message}`);
process.exit(result.status ?? 1);
