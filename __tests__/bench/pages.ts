/**
 * Public pages over HTTP against `next start`: throughput and latency of each page beside
 * a bare Next.js app's page of the same size, served in the same run (bare-next.ts); the
 * server renders one visit of `/` causes; and the JavaScript each page ships beside the
 * portal's minimal prerendered page (`/bench`: the framework and the site's shell).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import autocannon from "autocannon";
import type { Browser } from "playwright-core";
import { launchBrowser, pageRequestsOfVisit } from "../helpers/browser";
import { JAVASCRIPT_BUDGET_KIB } from "../helpers/public-pages";
import { bodyOf, checkRunTimePaths, floorFor, startBareNext, type BareNext, type BarePage, type BarePair } from "./bare-next";

const LOAD = { connections: 20, duration: 3 };
/** Measures of each page, each between two measures of the floor. */
const ROUNDS = 5;

/** `segment`: routed through a dynamic segment (held to such bare pages); `dynamic`: rendered per request. */
type BenchmarkedPage = { label: string; path: string; segment?: boolean; dynamic?: boolean };

export const benchmarkedPages: BenchmarkedPage[] = [
  { label: "/", path: "/" },
  { label: "/health", path: "/health" },
  // Under /health/[slug]: held to the bare app's pages under a dynamic segment (bare-next.ts).
  { label: "monograph", path: "/health/prolotherapy", segment: true },
  { label: "/about", path: "/about" },
  { label: "/visit", path: "/visit" },
  { label: "/owners/apply", path: "/owners/apply" },
  { label: "/jobs", path: "/jobs" },
  { label: "/newsletter", path: "/newsletter" },
  { label: "search page", path: "/health/search?q=ginger" },
  { label: "search, no JS", path: "/health/search/results?q=ginger", dynamic: true },
  { label: "search API", path: "/api/monographs/search?q=ging", dynamic: true },
];
const floorPath = "/bench";

type Figures = { rps: number; p50: number; p99: number; failures: number };

// wrk (Debian's `wrk`), when installed, is the load generator: written in C, it spends far
// less CPU per byte than autocannon, which on two cores shares the machine with the server
// and would otherwise count its own parsing of a longer page against that page.
const wrk = ["/usr/bin/wrk", "/usr/local/bin/wrk"].find((file) => fs.existsSync(file));
const loadGenerator = wrk ? "wrk -t1" : "autocannon (apt-get install wrk for lower client overhead)";

function milliseconds(value: string, unit: string) {
  return Number(value) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[unit]!;
}

function loadWithWrk(file: string, url: string): Figures {
  const out = execFileSync(file, ["-t1", `-c${LOAD.connections}`, `-d${LOAD.duration}s`, "--latency", url], { encoding: "utf8" });
  const latency = (percent: string) => {
    const match = new RegExp(`^\\s+${percent}%\\s+([\\d.]+)(us|ms|s)$`, "m").exec(out);
    return match ? milliseconds(match[1]!, match[2]!) : NaN;
  };
  const count = (pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? 0);
  return {
    rps: Number(/^Requests\/sec:\s+([\d.]+)/m.exec(out)?.[1]),
    p50: latency("50"),
    p99: latency("99"),
    failures: count(/Non-2xx or 3xx responses: (\d+)/) + count(/Socket errors: connect (\d+)/),
  };
}

async function load(url: string): Promise<Figures> {
  if (wrk) return loadWithWrk(wrk, url);
  const result = await autocannon({ url, ...LOAD });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

const row = (label: string, f: Figures, ratio?: number) =>
  `  ${label.padEnd(14)} ${f.rps.toFixed(0).padStart(6)} req/s  p50 ${f.p50.toFixed(0).padStart(4)} ms  p99 ${f.p99.toFixed(0).padStart(4)} ms` +
  `${ratio === undefined ? "" : `  ${ratio.toFixed(2)}× the floor`}${f.failures ? `  FAILURES ${f.failures}` : ""}`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const medianFigures = (runs: Figures[]): Figures => ({
  rps: median(runs.map((f) => f.rps)),
  p50: median(runs.map((f) => f.p50)),
  p99: median(runs.map((f) => f.p99)),
  failures: runs.reduce((sum, f) => sum + f.failures, 0),
});

/**
 * Each page is measured ROUNDS times, each time between measures of the bare Next app's two
 * pages (small, large, page, small, large, …). The floor for a round is what the bare app
 * would serve for a page of this page's size (interpolated between its two pages: see
 * bare-next.ts), from the mean of the bare measures either side; the median of the
 * rounds' ratios is the page's figure. The machine's speed drifts by a fifth within a
 * minute on a shared host, and only measures seconds apart see the same machine.
 */
export async function throughput(baseUrl: string, bare: BareNext) {
  console.log(`\nHTTP, ${loadGenerator}, ${LOAD.connections} connections × ${LOAD.duration} s per measure, ${ROUNDS} rounds per page; floor: a bare Next.js app's page of the same size and kind of route`);
  const pairs = [bare.fixed, bare.wide, bare.segment];
  const targets = [...pairs.flatMap((pair) => [pair.small, pair.large]).map((page) => `${bare.url}${page.path}`), `${baseUrl}${floorPath}`, ...benchmarkedPages.map((page) => `${baseUrl}${page.path}`)];
  const kib = (page: BarePage) => `${(page.bytes / 1024).toFixed(1)} KiB`;
  const measureBare = async (pair: BarePair) => ({ small: await load(`${bare.url}${pair.small.path}`), large: await load(`${bare.url}${pair.large.path}`) });
  for (const url of targets.filter((target) => target.startsWith(bare.url))) await load(url); // JIT
  // For reference only: the bare app before any run-time render (see bare-next.ts).
  const never = await measureBare(bare.fixed);
  // The warm-up, alike for both: every page and route measured, and each app's pages and
  // route handlers answered per request (the portal's are among its measured pages).
  await checkRunTimePaths(bare);
  for (const url of [...targets, ...bare.runTime.map((runTimePath) => `${bare.url}${runTimePath}`)]) await load(url);
  const bareRuns = new Map<BarePair, { small: Figures; large: Figures }[]>(pairs.map((pair) => [pair, []]));
  const rows = [];
  for (const page of [{ label: "/bench (shell)", path: floorPath }, ...benchmarkedPages]) {
    const { bytes, wide } = await bodyOf(`${baseUrl}${page.path}`);
    // No bare pair is both under a segment and wide: no such page of the portal has one.
    const pair = page.segment ? bare.segment : wide ? bare.wide : bare.fixed;
    const floorOf = (measured: { small: Figures; large: Figures }) =>
      floorFor(bytes, { bytes: pair.small.bytes, rps: measured.small.rps }, { bytes: pair.large.bytes, rps: measured.large.rps });
    let before = await measureBare(pair);
    const runs: Figures[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const run = await load(`${baseUrl}${page.path}`);
      const after = await measureBare(pair);
      ratios.push(run.rps / ((floorOf(before) + floorOf(after)) / 2));
      runs.push(run);
      bareRuns.get(pair)!.push(before);
      before = after;
    }
    bareRuns.get(pair)!.push(before);
    const spread = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
    const notes = [
      spread,
      `${(bytes / 1024).toFixed(1)} KiB`,
      ...(pair === bare.segment ? ["floor under a dynamic segment"] : []),
      ...(wide ? [`characters outside Latin-1${pair === bare.wide ? ", floor with one too" : ", FLOOR WITHOUT"}`] : []),
      ...(bytes < pair.small.bytes || bytes > pair.large.bytes ? ["outside the floor pages' sizes: extrapolated"] : []),
      ...(page.dynamic ? ["rendered per request"] : []),
    ];
    rows.push(row(`${page.label}`, medianFigures(runs), median(ratios)) + `  (${notes.join("; ")})`);
  }
  for (const [pair, label] of [[bare.fixed, "bare"], [bare.wide, "bare, wide"], [bare.segment, "bare [slug]"]] as const) {
    const runs = bareRuns.get(pair)!;
    if (runs.length === 0) continue;
    console.log(row(`${label} ${kib(pair.small)}`, medianFigures(runs.map((run) => run.small))) + `  (median of ${runs.length})`);
    console.log(row(`${label} ${kib(pair.large)}`, medianFigures(runs.map((run) => run.large))));
  }
  for (const line of rows) console.log(line);
  console.log(`  (the bare app before it served anything rendered at run time, once: ${kib(bare.fixed.small)} ${never.small.rps.toFixed(0)} req/s, ${kib(bare.fixed.large)} ${never.large.rps.toFixed(0)} req/s)`);
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
  const stale = seen.filter((r) => r.cache === "STALE");
  console.log(`\nOne visit of / (warm server): ${seen.length} page and prefetch requests`);
  console.log(`  dynamic renders ${dynamic.length}${dynamic.length ? `: ${dynamic.map((r) => r.url).join(", ")}` : ""}`);
  console.log(`  cache fills     ${fills.length}${fills.length ? `: ${fills.map((r) => r.url).join(", ")}` : ""}`);
  console.log(`  served stale    ${stale.length} (refreshed in the background, at most once a minute a page)`);
}

/**
 * Every kind of public page a visitor can open without a token or a session: the ones
 * measured for throughput, and the rest of the public routes (one of each dynamic route).
 */
export const javascriptPages = [
  ...benchmarkedPages.filter((p) => !p.path.startsWith("/api")),
  { label: "print", path: "/health/prolotherapy/print" },
  { label: "/owners", path: "/owners" },
  { label: "job posting", path: "/jobs/cashier" },
  { label: "job apply", path: "/jobs/cashier/apply" },
  { label: "/news…/issues", path: "/newsletter/issues" },
  { label: "sent email", path: "/newsletter/emails/squash-season-and-the-bulk-aisle" },
  { label: "/login", path: "/login" },
];

/**
 * Compressed bytes of JavaScript a first visit of each page downloads (empty browser
 * cache) until it has loaded, beside the floor: the framework and the site's shell, which
 * every page ships. The page's link prefetches are refused: a prefetch also fetches the
 * linked page's JavaScript, and whether it starts before the load event is a race, which
 * made a page's figure jump by the code of the pages it links to from one run to the next.
 */
export async function javascriptPerPage(browser: Browser, baseUrl: string) {
  const kib = async (path: string) => {
    const context = await browser.newContext();
    await context.route(
      (url) => url.searchParams.has("_rsc"),
      (route) => (route.request().headers()["next-router-prefetch"] ? route.abort() : route.continue()),
    );
    const page = await context.newPage();
    await page.goto(`${baseUrl}${path}`, { waitUntil: "load" });
    const bytes = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        // Fetched by a script tag, or ahead of one by a preload link (Next preloads one shared chunk).
        .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === "script" || new URL(entry.name).pathname.endsWith(".js"))
        .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).transferSize, 0),
    );
    await context.close();
    return bytes / 1024;
  };
  const floor = await kib(floorPath);
  console.log(`\nJavaScript shipped per page (transferred, first visit; budget: the floor + ${JAVASCRIPT_BUDGET_KIB} KiB)`);
  console.log(`  ${"floor /bench".padEnd(14)} ${floor.toFixed(1).padStart(6)} KiB`);
  for (const { label, path } of javascriptPages) {
    const size = await kib(path);
    const over = size - floor > JAVASCRIPT_BUDGET_KIB ? "  OVER BUDGET" : "";
    console.log(`  ${label.padEnd(14)} ${size.toFixed(1).padStart(6)} KiB  +${(size - floor).toFixed(1)}${over}`);
  }
}

export async function pageBenchmark(baseUrl: string) {
  const bare = await startBareNext();
  try {
    await throughput(baseUrl, bare);
  } finally {
    bare.stop();
  }
  const browser = await launchBrowser();
  try {
    await rendersOfOneVisit(browser, baseUrl);
    await javascriptPerPage(browser, baseUrl);
  } finally {
    await browser.close();
  }
}
