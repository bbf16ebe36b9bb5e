import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * One temporary folder per test run, holding every other one the run makes (portals'
 * DATA_DIRs, mail folders, each db test file's database): it points TMPDIR at itself, so
 * that the jest workers and the portals, started after it, make theirs inside. The
 * global teardown removes it with all they left.
 */
export function openRunFolder() {
  if (!process.env.COOP_RUN_FOLDER) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "coop-run-"));
    process.env.COOP_RUN_FOLDER = folder;
    process.env.TMPDIR = folder;
  }
  return process.env.COOP_RUN_FOLDER;
}

export function removeRunFolder() {
  const folder = process.env.COOP_RUN_FOLDER;
  if (!folder) return;
  // A test that mounted a filesystem inside and failed before unmounting leaves a busy mount point: removed what can be.
  try {
    fs.rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    console.warn(`Could not remove ${folder} entirely: ${(error as Error).message}`);
  }
}
