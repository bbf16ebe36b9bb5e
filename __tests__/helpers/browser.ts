import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";

const executablePath = "/usr/bin/chromium";

/**
 * Debian's Chromium, headless. The networking flags keep it from calling hosts this
 * machine cannot reach (update checks, sync, component downloads).
 */
export async function launchBrowser(): Promise<Browser> {
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
  });
}

/** axe over the whole page: every violation listed by rule and element, none expected. */
export async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
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
