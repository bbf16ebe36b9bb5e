import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { portalUrl } from "../helpers/portal";

jest.setTimeout(120_000);

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});

afterAll(async () => {
  await browser?.close();
});

async function expectNoAxeViolations() {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

describe("the health library in a browser", () => {
  it("shows results as you type, opens Prolotherapy and its print view", async () => {
    await page.goto(portalUrl("/health"));
    await expectNoAxeViolations();
    const box = page.getByRole("searchbox", { name: "Search the health library" });
    await box.pressSequentially("reconstr", { delay: 40 });
    const first = page.locator("[aria-live=polite] ol li a").first();
    await first.waitFor();
    expect(await first.textContent()).toBe("Prolotherapy");
    expect(page.url()).toBe(portalUrl("/health"));
    await expectNoAxeViolations();

    await first.click();
    await page.waitForURL(portalUrl("/health/prolotherapy"));
    expect(await page.locator("main h1").textContent()).toBe("Prolotherapy");
    await expectNoAxeViolations();

    await page.getByRole("link", { name: "Print", exact: true }).click();
    await page.waitForURL(portalUrl("/health/prolotherapy/print"));
    expect(await page.locator("main").textContent()).toContain("References");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header").first().isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
  });

  it("the search results page works and is accessible", async () => {
    await page.goto(portalUrl("/health/search?q=dextrose+injection"));
    expect(await page.locator("main ol li a").first().textContent()).toBe("Prolotherapy");
    await expectNoAxeViolations();
  });
});
