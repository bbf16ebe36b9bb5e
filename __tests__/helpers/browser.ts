import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";

const executablePath = "/usr/bin/chromium";

/**
 * Debian's Chromium, headless. The networking flags keep it from calling hosts this
 * machine cannot reach (update checks, sync, component downloads). Playwright turns the
 * back/forward cache off unless asked to keep it.
 */
export async function launchBrowser({ backForwardCache = false } = {}): Promise<Browser> {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install it with "apt-get install chromium".`);
  }
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
    ignoreDefaultArgs: backForwardCache ? ["--disable-back-forward-cache"] : [],
  });
}

/**
 * axe over the whole page: every violation listed by rule and element, none expected.
 * On a page rendered per request Next streams the metadata after the body, so a client
 * navigation can show the content a moment before the new <title>; axe waits for it.
 * Plain public pages are checked once, in public-pages.test.ts; other files check the
 * states only they reach (errors shown, signed-in pages, steps of a form).
 *
 * Legacy mode runs axe.run in the page itself instead of finishing in a second blank page
 * (which reloads axe's 500 KB script every time); it only gives up cross-origin frames,
 * and the portal has no frames. Collecting only violations skips recording every passing
 * element. The same rules run, about four times faster (0.4–1.4 s a page instead of
 * 1.7–5.2 s, measured on this suite's pages).
 */
export async function expectNoAxeViolations(page: Page) {
  await page.waitForFunction(() => document.title.trim() !== "");
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ["violations"] }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/**
 * Waits until React has hydrated `element` (React keeps its props on the DOM node), so
 * what is typed into it reaches its handlers rather than the prerendered markup.
 */
export async function waitForHydration(element: Locator) {
  await element.page().waitForFunction((node) => node !== null && Object.keys(node).some((key) => key.startsWith("__reactProps$")), await element.elementHandle());
}

/** One browser and one page for a test file; `session.page` is ready inside the tests. */
export function openBrowserPage() {
  const session = {} as { browser: Browser; page: Page };
  beforeAll(async () => {
    session.browser = await launchBrowser();
    session.page = await (await session.browser.newContext()).newPage();
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  return session;
}

export type PageRequest = { url: string; cache: string | undefined };

/**
 * Opens `path` and waits until the page has stopped asking for anything: loaded, then no
 * request in flight for half a second (Playwright's "networkidle"). Next prefetches the
 * links in view once the page has hydrated, so by then those prefetches have been answered.
 */
export async function openAndSettle(page: Page, url: string) {
  return page.goto(url, { waitUntil: "networkidle" });
}

/**
 * Opens `path` in a fresh browser context and records every request that reached a page
 * of the portal (the document and RSC prefetches; not static files) until the page
 * settles, with how the server answered it: `x-nextjs-cache` HIT (from the page cache),
 * MISS (rendered into the cache), or absent (rendered per request).
 */
export async function pageRequestsOfVisit(browser: Browser, baseUrl: string, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const seen: PageRequest[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.origin !== origin || url.pathname.startsWith("/_next/static") || /\.\w+$/.test(url.pathname)) return;
    seen.push({ url: url.pathname + url.search, cache: response.headers()["x-nextjs-cache"] });
  });
  await openAndSettle(page, new URL(path, baseUrl).toString());
  await context.close();
  return seen;
}
