/**
 * Public pages over HTTP against `next start`: throughput and latency of each page beside
 * the portal's minimal prerendered page (`/bench`) on the same server in the same run,
 * the server renders one visit of `/` causes, and the JavaScript each page ships.
 */
import autocannon from "autocannon";
import type { Browser } from "playwright-core";
import { launchBrowser, pageRequestsOfVisit } from "../helpers/browser";

const LOAD = { connections: 20, duration: 8 };

export const benchmarkedPages = [
  { label: "/", path: "/" },
  { label: "/health", path: "/health" },
  { label: "monograph", path: "/health/prolotherapy" },
  { label: "/about", path: "/about" },
  { label: "/visit", path: "/visit" },
  { label: "search page", path: "/health/search?q=ginger", dynamic: true },
  { label: "search API", path: "/api/monographs/search?q=ging", dynamic: true },
];
const floorPath = "/bench";

type Figures = { rps: number; p50: number; p99: number; failures: number };

async function load(url: string): Promise<Figures> {
  const result = await autocannon({ url, ...LOAD });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

const row = (label: string, f: Figures, ratio?: number) =>
  `  ${label.padEnd(14)} ${f.rps.toFixed(0).padStart(6)} req/s  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(4)} ms` +
  `${ratio === undefined ? "" : `  ${ratio.toFixed(2)}× the floor`}${f.failures ? `  FAILURES ${f.failures}` : ""}`;

export async function throughput(baseUrl: string) {
  console.log(`\nHTTP, autocannon ${LOAD.connections} connections × ${LOAD.duration} s per measure, one next start`);
  for (const page of [{ path: floorPath }, ...benchmarkedPages]) await load(`${baseUrl}${page.path}`); // warm caches and JIT
  // Each page is measured between two measures of the floor and compared with their mean,
  // so that drift on a shared machine cannot favour either side.
  let floor = await load(`${baseUrl}${floorPath}`);
  const floors = [floor];
  const rows = [];
  for (const page of benchmarkedPages) {
    const figures = await load(`${baseUrl}${page.path}`);
    const next = await load(`${baseUrl}${floorPath}`);
    rows.push(row(page.label, figures, figures.rps / ((floor.rps + next.rps) / 2)) + (page.dynamic ? "  (rendered per request)" : ""));
    floors.push((floor = next));
  }
  const mean = (pick: (f: Figures) => number) => floors.reduce((sum, f) => sum + pick(f), 0) / floors.length;
  const range = `${Math.min(...floors.map((f) => f.rps)).toFixed(0)}–${Math.max(...floors.map((f) => f.rps)).toFixed(0)}`;
  console.log(row("floor /bench", { rps: mean((f) => f.rps), p50: mean((f) => f.p50), p99: mean((f) => f.p99), failures: 0 }) + `  (mean of ${floors.length}, ${range} req/s)`);
  for (const line of rows) console.log(line);
}

/**
 * One visit of `/` in a fresh browser, after a first visit has filled the page cache:
 * every page or prefetch request not answered from the cache is a server render.
 */
async function rendersOfOneVisit(browser: Browser, baseUrl: string) {
  await pageRequestsOfVisit(browser, baseUrl, "/");
  const seen = await pageRequestsOfVisit(browser, baseUrl, "/");
  const dynamic = seen.filter((r) => r.cache === undefined);
  const fills = seen.filter((r) => r.cache === "MISS");
  console.log(`\nOne visit of / (warm server): ${seen.length} page and prefetch requests`);
  console.log(`  dynamic renders ${dynamic.length}${dynamic.length ? `: ${dynamic.map((r) => r.url).join(", ")}` : ""}`);
  console.log(`  cache fills     ${fills.length}${fills.length ? `: ${fills.map((r) => r.url).join(", ")}` : ""}`);
}

/** Compressed bytes of JavaScript a first visit of each page downloads (empty browser cache). */
async function javascriptPerPage(browser: Browser, baseUrl: string) {
  console.log(`\nJavaScript shipped per page (transferred, first visit)`);
  for (const { label, path } of [{ label: "floor /bench", path: floorPath }, ...benchmarkedPages.filter((p) => !p.path.startsWith("/api"))]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}${path}`, { waitUntil: "load" });
    const bytes = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === "script")
        .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).transferSize, 0),
    );
    await context.close();
    console.log(`  ${label.padEnd(14)} ${(bytes / 1024).toFixed(1).padStart(6)} KiB`);
  }
}

export async function pageBenchmark(baseUrl: string) {
  await throughput(baseUrl);
  const browser = await launchBrowser();
  try {
    await rendersOfOneVisit(browser, baseUrl);
    await javascriptPerPage(browser, baseUrl);
  } finally {
    await browser.close();
  }
}
