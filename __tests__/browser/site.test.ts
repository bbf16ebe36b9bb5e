import { expectNoAxeViolations, openBrowserPage } from "../helpers/browser";
import { seededContentPages } from "../helpers/content-pages";
import { portalUrl } from "../helpers/portal";

jest.setTimeout(120_000);

const session = openBrowserPage();

describe("the site shell in a browser", () => {
  // axe checks the home page and every content page in public-pages.test.ts.
  it("the home page names the co-op", async () => {
    const response = await session.page.goto(portalUrl("/"));
    expect(response?.status()).toBe(200);
    expect(await session.page.locator("main h1").textContent()).toContain("Marshall Street Food Co-op");
  });

  it("every aside link to a content page opens that page, with its heading", async () => {
    await session.page.goto(portalUrl("/"));
    const hrefs = await session.page
      .locator('aside[aria-label="Co-op links"] a')
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    const contentPaths = new Set(seededContentPages.map((p) => p.path));
    const built = [...new Set(hrefs.filter((href) => contentPaths.has(href)))];
    // Every content page that the aside names (the Visit page is in the main navigation).
    expect(built.sort()).toEqual([...contentPaths].filter((path) => path !== "/visit").sort());

    for (const href of built) {
      const response = await session.page.goto(portalUrl(href));
      expect(response?.status()).toBe(200);
      const title = seededContentPages.find((p) => p.path === href)!.title;
      expect(await session.page.locator("main h1").textContent()).toBe(title);
    }
  });

  it("the not-found page has no accessibility violations", async () => {
    const response = await session.page.goto(portalUrl("/about/no-such-page"));
    expect(response?.status()).toBe(404);
    await session.page.locator("h1", { hasText: "We could not find that page" }).waitFor();
    await expectNoAxeViolations(session.page);
  });

  it("navigates by clicking, like a visitor", async () => {
    await session.page.goto(portalUrl("/"));
    await session.page.locator('aside[aria-label="Co-op links"]').getByRole("link", { name: "Our board of directors" }).click();
    await session.page.waitForURL(portalUrl("/about/board"));
    expect(await session.page.locator("main h1").textContent()).toBe("Our board of directors");
    expect(await session.page.locator('nav[aria-label="Main"] a[aria-current="page"]').textContent()).toBe("About");
  });

  it("offers the skip link as the first stop of the keyboard", async () => {
    await session.page.goto(portalUrl("/about"));
    await session.page.keyboard.press("Tab");
    const focused = session.page.locator(":focus");
    expect(await focused.textContent()).toBe("Skip to main content");
    expect(await focused.isVisible()).toBe(true);
    await session.page.keyboard.press("Enter");
    await session.page.waitForFunction(() => location.hash === "#main");
  });

  it("fits a 360 px phone without sideways scrolling", async () => {
    const phoneContext = await session.browser.newContext({ viewport: { width: 360, height: 740 } });
    const phone = await phoneContext.newPage();
    for (const path of ["/", "/advertise", "/visit"]) {
      await phone.goto(portalUrl(path));
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
    }
    await phoneContext.close();
  });

  it("prints the content without the site's chrome", async () => {
    await session.page.goto(portalUrl("/about/flower-program"));
    await session.page.emulateMedia({ media: "print" });
    for (const selector of ["header", 'aside[aria-label="Co-op links"]', "footer"]) {
      expect(await session.page.locator(selector).first().isVisible()).toBe(false);
    }
    expect(await session.page.locator("main h1").isVisible()).toBe(true);
    await session.page.emulateMedia({ media: "screen" });
  });
});
