import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { portalUrl } from "../helpers/portal";
import { publicPagePaths } from "../helpers/public-pages";

jest.setTimeout(180_000);

/**
 * What a page does in the browser beyond loading, where it runs more code: the owner
 * application checks a step with the server's schema when the person asks for the next one.
 */
const interactions: Record<string, (page: Page) => Promise<void>> = {
  "/owners/apply": async (page) => {
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText("Required.").first().waitFor();
  },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the Content-Security-Policy in a browser", () => {
  it("is never violated on a public page, by loading it or by using its form", async () => {
    const pages = publicPagePaths();
    expect(pages).toEqual(expect.arrayContaining(["/", "/health", "/owners/apply", "/newsletter"]));
    const violations: string[] = [];
    const visit = async (path: string) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      // The page's own report of each violation, caught or not (a blocked `eval` that the
      // code catches still fires it), recorded from before the first script runs.
      await page.addInitScript(() => {
        const seen: string[] = [];
        Object.assign(window, { cspViolations: seen });
        document.addEventListener("securitypolicyviolation", (event) => {
          seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} (${event.sourceFile}:${event.lineNumber})`);
        });
      });
      page.on("console", (message) => {
        if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(`${path}: console: ${message.text()}`);
      });
      await page.goto(portalUrl(path), { waitUntil: "load" });
      await page.waitForLoadState("networkidle");
      await interactions[path]?.(page);
      const reported = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      violations.push(...reported.map((violation) => `${path}: ${violation}`));
      await context.close();
    };
    // Three visitors at once, each in a context of its own: most of a visit is waiting for the network to settle.
    for (let at = 0; at < pages.length; at += 3) await Promise.all(pages.slice(at, at + 3).map(visit));
    expect(violations).toEqual([]);
  });
});
