/**
 * Public pages over HTTP against `next start`: throughput and latency of each page beside
 * the portal's minimal prerendered page (`/bench`) on the same server in the same run,
 * the server renders one visit of `/` causes, and the JavaScript each page ships.
 */
import autocannon from "autocannon";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../helpers/browser";

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
  console.log(`\nHTTP, autocannon ${LOAD.connections} connections × ${LOAD.duration} s per page, one next start`);
  for (const page of [{ path: floorPath }, ...benchmarkedPages]) await load(`${baseUrl}${page.path}`); // warm caches and JIT
  // The floor is measured before and after the pages and averaged, so drift on a shared
  // machine cannot favour either side.
  const before = await load(`${baseUrl}${floorPath}`);
  const results = [];
  for (const page of benchmarkedPages) results.push({ page, figures: await load(`${baseUrl}${page.path}`) });
  const after = await load(`${baseUrl}${floorPath}`);
  const floor = { ...before, rps: (before.rps + after.rps) / 2 };
  console.log(row("floor /bench", before) + `  (after: ${after.rps.toFixed(0)} req/s)`);
  for (const { page, figures } of results) {
    console.log(row(page.label, figures, figures.rps / floor.rps) + (page.dynamic ? "  (rendered per request)" : ""));
  }
}

/**
 * One visit of `/` in a fresh browser, after the server's caches are warm: every request
 * that reached a page (document or RSC prefetch) and was not answered from the page cache
 * is a server render. Dynamic renders carry no `x-nextjs-cache` header; cache fills say MISS.
 */
async function rendersOfOneVisit(browser: Browser, baseUrl: string) {
  const visit = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen: { url: string; cache: string | undefined }[] = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.origin !== baseUrl || url.pathname.startsWith("/_next/static") || /\.\w+$/.test(url.pathname)) return;
      seen.push({ url: url.pathname + url.search, cache: response.headers()["x-nextjs-cache"] });
    });
    await page.goto(`${baseUrl}/`, { waitUntil: "load" });
    await page.waitForTimeout(3000); // prefetches start as links scroll into view
    await context.close();
    return seen;
  };
  await visit(); // fills the page cache for every prefetched page
  const seen = await visit();
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
