import { fetchPage } from "../helpers/html";
import { portalUrl } from "../helpers/portal";

/**
 * Served from the page cache: HIT, or STALE when another test on this shared portal
 * invalidated the page's tag in between (Next then serves the stored page and renders a
 * fresh one behind it). A page rendered for this request has no such header.
 */
const fromPageCache = ["HIT", "STALE"];

const prerendered = ["/", "/about", "/visit", "/owners", "/health", "/health/prolotherapy", "/health/prolotherapy/print"];

describe("public pages", () => {
  it.each(prerendered)("%s is answered from the page cache the second time", async (path) => {
    await fetch(portalUrl(path));
    const second = await fetch(portalUrl(path));
    expect(second.status).toBe(200);
    expect(fromPageCache).toContain(second.headers.get("x-nextjs-cache"));
  });

  it("may be kept a minute by shared caches, revalidated by browsers, and never no-store", async () => {
    const response = await fetch(portalUrl("/about"));
    expect(response.headers.get("cache-control")).toBe("s-maxage=60, stale-while-revalidate=300");
  });

  it("the search page comes from the page cache; results without JavaScript are rendered per request; the search API may be reused for seconds, not minutes", async () => {
    await fetch(portalUrl("/health/search?q=warm-up")).then((response) => response.arrayBuffer());
    const page = await fetch(portalUrl("/health/search?q=ginger"));
    expect(fromPageCache).toContain(page.headers.get("x-nextjs-cache"));
    const withoutScript = await fetch(portalUrl("/health/search/results?q=ginger"));
    expect(withoutScript.headers.get("x-nextjs-cache")).toBeNull();
    expect(withoutScript.headers.get("cache-control")).toContain("no-store");
    expect(await withoutScript.text()).toContain("Results for “ginger”");
    const api = await fetch(portalUrl("/api/monographs/search?q=ginger"));
    const maxAge = Number(/max-age=(\d+)/.exec(api.headers.get("cache-control") ?? "")?.[1]);
    expect(maxAge).toBeLessThanOrEqual(10);
    expect(api.headers.get("cache-control")).not.toContain("stale-while-revalidate");
  });
});

describe("the site's icons and manifest", () => {
  it.each([
    ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)$/],
    ["/icon.svg", /^image\/svg\+xml/],
    ["/apple-touch-icon.png", /^image\/png$/],
    ["/og-image.png", /^image\/png$/],
    ["/logo.svg", /^image\/svg\+xml/],
    ["/manifest.webmanifest", /^application\/manifest\+json/],
  ])("%s answers 200 as %s", async (path, type) => {
    const response = await fetch(portalUrl(path));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(type);
  });

  it.each(["/", "/about", "/health/prolotherapy"])("%s names them, and the manifest's icons exist", async (path) => {
    const { document } = await fetchPage(path);
    const href = (selector: string) => document.querySelector(selector)?.getAttribute("href");
    expect(href('link[rel="icon"][type="image/svg+xml"]')).toBe("/icon.svg");
    expect(href('link[rel="apple-touch-icon"]')).toBe("/apple-touch-icon.png");
    expect(href('link[rel="manifest"]')).toBe("/manifest.webmanifest");
    expect(document.querySelector('meta[property="og:image"]')?.getAttribute("content")).toMatch(/\/og-image\.png$/);
    const manifest = (await (await fetch(portalUrl("/manifest.webmanifest"))).json()) as { icons: { src: string }[] };
    for (const icon of manifest.icons) expect((await fetch(portalUrl(icon.src))).status).toBe(200);
  });
});
