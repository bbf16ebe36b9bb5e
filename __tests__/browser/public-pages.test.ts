import type { Browser } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, openAndSettle, pageRequestsOfVisit } from "../helpers/browser";
import { seededContentPages } from "../helpers/content-pages";
import { portalUrl } from "../helpers/portal";

jest.setTimeout(180_000);

/** Every public page as a first visitor sees it: the one place axe checks them. */
const publicPages = [
  ...new Set([
    "/",
    "/health",
    "/health/prolotherapy",
    "/health/prolotherapy/print",
    ...seededContentPages.map((page) => page.path),
    "/jobs",
    "/newsletter",
    "/newsletter/issues",
    "/owners/apply",
    "/elections",
    "/elections/board-of-directors-2027",
    "/elections/board-of-directors-2026",
  ]),
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ backForwardCache: true });
});
afterAll(async () => {
  await browser?.close();
});

describe("public pages in a browser", () => {
  it("log no console error and no failed request, prefetches included, and have no accessibility violations", async () => {
    const problems: string[] = [];
    const visit = async (path: string) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`${path}: console: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`${path}: ${error.message}`));
      page.on("response", (response) => {
        if (response.status() >= 400) problems.push(`${path}: ${response.status()} ${response.url()}`);
      });
      await openAndSettle(page, portalUrl(path));
      await expectNoAxeViolations(page);
      await context.close();
    };
    // Three visitors at once, each in a browser context of its own: a page spends much of
    // its visit waiting for the network to settle, which the others use.
    const waiting = [...publicPages];
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        for (let path = waiting.shift(); path; path = waiting.shift()) await visit(path);
      }),
    );
    expect(problems).toEqual([]);
  });

  it("one visit of the home page makes the server render nothing, and prefetches no private page", async () => {
    await pageRequestsOfVisit(browser, portalUrl("/"), "/"); // a first visitor fills the page cache
    const requests = await pageRequestsOfVisit(browser, portalUrl("/"), "/");
    expect(requests.length).toBeGreaterThan(5); // the document and the prefetches of visible links
    // HIT, or STALE: served from the cache while it refreshes in the background (at most
    // once a minute per page); never MISS (rendered for this request) or absent (dynamic).
    expect(requests.filter((request) => request.cache !== "HIT" && request.cache !== "STALE")).toEqual([]);
    expect(requests.filter((request) => /^\/(account|login|staff)/.test(request.url))).toEqual([]);
  });

  it("a page left and come back to is restored from the back/forward cache", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.addEventListener("pageshow", (event) => {
        (window as unknown as { restored: boolean }).restored = event.persisted;
      });
    });
    // Left once its link prefetches are answered: Chromium keeps no page whose fetches are
    // still in flight, and on a loaded machine a prefetch can outlast the load event.
    await page.goto(portalUrl("/about"), { waitUntil: "networkidle" });
    await page.goto(portalUrl("/visit"), { waitUntil: "load" });
    // A page restored from the cache fires pageshow, not load.
    await page.goBack({ waitUntil: "commit" });
    await page.waitForFunction(() => (window as unknown as { restored?: boolean }).restored !== undefined);
    expect(await page.evaluate(() => (window as unknown as { restored: boolean }).restored)).toBe(true);
    await context.close();
  });
});
