import { expectNoAxeViolations, openBrowserPage, waitForHydration } from "../helpers/browser";
import { portalUrl } from "../helpers/portal";

jest.setTimeout(120_000);

const session = openBrowserPage();

describe("the health library in a browser", () => {
  it("shows results as you type, opens Prolotherapy and its print view", async () => {
    // axe checks /health and /health/prolotherapy as they first load in public-pages.test.ts;
    // here it checks what only typing reaches: the live results.
    await session.page.goto(portalUrl("/health"));
    const box = session.page.getByRole("searchbox", { name: "Search the health library" });
    await waitForHydration(box);
    await box.pressSequentially("reconstr", { delay: 40 });
    expect(await box.inputValue()).toBe("reconstr");
    // On a busy machine a pause between keys can outlast the 200 ms debounce, so an answer for
    // the first letters may show first; the answer for the whole word puts Prolotherapy first.
    await session.page.waitForFunction(() => document.querySelector("[aria-live=polite] ol li a")?.textContent === "Prolotherapy");
    const first = session.page.locator("[aria-live=polite] ol li a").first();
    expect(session.page.url()).toBe(portalUrl("/health"));
    await expectNoAxeViolations(session.page);

    await first.click();
    await session.page.waitForURL(portalUrl("/health/prolotherapy"));
    expect(await session.page.locator("main h1").textContent()).toBe("Prolotherapy");

    await session.page.getByRole("link", { name: "Print", exact: true }).click();
    await session.page.waitForURL(portalUrl("/health/prolotherapy/print"));
    expect(await session.page.locator("main").textContent()).toContain("References");
    const today = new Date().toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" });
    await session.page.getByText(`Printed ${today}`).waitFor();
    await session.page.emulateMedia({ media: "print" });
    expect(await session.page.locator("header").first().isVisible()).toBe(false);
    await session.page.emulateMedia({ media: "screen" });
  });

  it("Search in the library's box opens the prerendered search page, not the server-rendered results", async () => {
    await session.page.goto(portalUrl("/health"));
    const box = session.page.getByRole("searchbox", { name: "Search the health library" });
    await waitForHydration(box);
    await box.fill("dextrose injection");
    await session.page.getByRole("button", { name: "Search", exact: true }).first().click();
    await session.page.waitForURL(portalUrl("/health/search?q=dextrose%20injection"));
    await session.page.locator("main ol li a").first().waitFor();
    expect(await session.page.locator("main ol li a").first().textContent()).toBe("Prolotherapy");
  });

  it("the search results page works and is accessible; a new search stays on the page", async () => {
    await session.page.goto(portalUrl("/health/search?q=dextrose+injection"));
    expect(await session.page.locator("main ol li a").first().textContent()).toBe("Prolotherapy");
    await expectNoAxeViolations(session.page);
    await session.page.getByRole("searchbox", { name: "Search the health library" }).fill("qwxzzyv");
    await session.page.getByRole("button", { name: "Search", exact: true }).click();
    await session.page.getByText("No monographs match that search.").waitFor();
    expect(new URL(session.page.url()).search).toBe("?q=qwxzzyv");
    await session.page.goBack();
    await session.page.locator("main ol li a").first().waitFor();
  });

  it("without JavaScript, a search from /health gets its results from the server", async () => {
    const page = await (await session.page.context().browser()!.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(portalUrl("/health"));
    await page.getByRole("searchbox").first().fill("dextrose injection");
    await page.getByRole("button", { name: "Search", exact: true }).first().click();
    await page.waitForURL(/\/health\/search\/results\?q=dextrose\+injection$/);
    expect(await page.locator("main ol li a").first().textContent()).toBe("Prolotherapy");
    await page.context().close();
  });
});
