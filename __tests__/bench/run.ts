/**
 * `npm run bench`: the health library's search over 10,000 generated monographs, and the
 * public pages over HTTP (see pages.ts); `npm run bench -- import`, the import of a
 * 10,000-line mailing list (see newsletter-import.ts). Every figure is printed beside a baseline
 * measured in the same run (the machine is shared and noisy, so ratios mean more than
 * milliseconds): search against a naive LIKE scan, pages against the portal's minimal
 * prerendered page.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPortal } from "../helpers/portal-server";
import { launchBrowser } from "../helpers/browser";
import { importBenchmark } from "./newsletter-import";
import { nginxBenchmark } from "./nginx";
import { javascriptPerPage, pageBenchmark } from "./pages";
import { benchmarkQueries, generatedMonograph, likeSearch, percentiles, QUERY_KINDS, random, time } from "./search";

const MONOGRAPHS = 10_000;
const QUERIES = 1_000;
// Search runs as people type; the p95 it is held to at this library size.
const SEARCH_P95_TARGET_MS = 10;
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

async function searchBenchmark() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "coop-bench-"));
  process.env.DATA_DIR = dataDir;
  const { db } = await import("@/db");
  const { migrateDatabase } = await import("@/db/cli/migrate");
  const { ensureMonographCategories, saveMonograph } = await import("@/db/queries/monograph-writes");
  const { searchMonographs } = await import("@/db/queries/monograph-search");
  const { monographCategoryList } = await import("@/lib/model/monographs");

  migrateDatabase(db);
  const next = random(7);
  const built = time(() =>
    db.transaction((tx) => {
      ensureMonographCategories(tx, monographCategoryList);
      for (let i = 0; i < MONOGRAPHS; i++) saveMonograph(tx, generatedMonograph(i, next));
    }),
  );
  console.log(`Built ${MONOGRAPHS.toLocaleString()} monographs in ${(built / 1000).toFixed(1)} s`);

  const queries = benchmarkQueries(QUERIES);
  for (const query of queries.slice(0, 50)) searchMonographs(query); // warm up
  const fts = queries.map((query) => time(() => searchMonographs(query)));
  const like = queries.map((query) => time(() => likeSearch(db, query)));
  const f = percentiles(fts);
  const l = percentiles(like);
  console.log(`\nSearch, ${QUERIES} queries over ${MONOGRAPHS.toLocaleString()} monographs`);
  console.log(`  FTS5 search   p50 ${fmt(f.p50)}  p95 ${fmt(f.p95)}  p99 ${fmt(f.p99)}`);
  console.log(`  LIKE baseline p50 ${fmt(l.p50)}  p95 ${fmt(l.p95)}  p99 ${fmt(l.p99)}`);
  console.log(`  FTS5 is ${(l.p50 / f.p50).toFixed(0)}× faster at p50, ${(l.p95 / f.p95).toFixed(0)}× at p95, ${(l.p99 / f.p99).toFixed(0)}× at p99`);
  console.log(`  p95 ${fmt(f.p95)} (target ≤ ${SEARCH_P95_TARGET_MS} ms${f.p95 > SEARCH_P95_TARGET_MS ? ": OVER TARGET" : ""})`);
  const byKind = QUERY_KINDS.map((kind, k) => `${kind} ${fmt(percentiles(fts.filter((_, i) => i % QUERY_KINDS.length === k)).p95)}`);
  console.log(`  p95 by kind: ${byKind.join(", ")}`);
  const last = time(() => searchMonographs(queries.at(-1)!));
  console.log(`  the ${QUERIES.toLocaleString()}th query took ${fmt(last)}`);
  db.$client.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function httpBenchmark(javascriptOnly: boolean) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "coop-bench-http-"));
  const portal = await startPortal({ dataDir });
  try {
    if (!javascriptOnly) await pageBenchmark(portal.url);
    else {
      const browser = await launchBrowser();
      await javascriptPerPage(browser, portal.url).finally(() => browser.close());
    }
  } finally {
    await portal.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`Benchmarks, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}\n`);
  // `npm run bench -- pages`, `-- search` or `-- import` runs one part alone; `-- javascript`
  // only the JavaScript each public page ships (a minute, against the floor).
  const only = process.argv[2];
  // `-- nginx`: pages through the shipped nginx configuration (nginx.ts), alone.
  if (only === "nginx") return nginxBenchmark();
  if (only === undefined || only === "search") await searchBenchmark();
  // In process, like the search: each sets DATA_DIR and opens the one database client of
  // its process, so in a full run the import has a process of its own.
  if (only === "import") await importBenchmark();
  else if (only === undefined) spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "import"], { stdio: "inherit" });
  if (only !== "search" && only !== "import") await httpBenchmark(only === "javascript");
  // A full run ends with the pages through nginx, where Debian's nginx is installed.
  if (only === undefined) {
    if (fs.existsSync("/usr/sbin/nginx")) await nginxBenchmark();
    else console.log("\nnginx: not installed (apt-get install nginx-light), so the pages through its cache were not measured");
  }
}

void main();
