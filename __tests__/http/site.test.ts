import { fetchPage, text } from "../helpers/html";
import { seededContentPages } from "../helpers/content-pages";
import { portalUrl } from "../helpers/portal";

describe("the home page", () => {
  let page: Awaited<ReturnType<typeof fetchPage>>;
  beforeAll(async () => {
    page = await fetchPage("/");
  });

  it("answers 200 with the co-op's name as its title and heading", () => {
    expect(page.status).toBe(200);
    expect(page.document.title).toBe("Marshall Street Food Co-op");
    expect(text(page.document.querySelector("h1"))).toContain("Marshall Street Food Co-op");
  });

  it("has the skip link, the main navigation and a main landmark to skip to", () => {
    const skip = page.document.querySelector('a[href="#main"]');
    expect(text(skip)).toBe("Skip to main content");
    expect(page.document.getElementById("main")?.tagName).toBe("MAIN");
    const nav = page.document.querySelector('nav[aria-label="Main"]');
    expect([...nav!.querySelectorAll("a")].map((a) => text(a))).toEqual([
      "Health library",
      "Become an owner",
      "Jobs",
      "Newsletter",
      "About",
      "Visit us",
    ]);
  });

  it("shows the store's address, hours, phone, fax and email, and calls to every part of the portal", () => {
    const body = text(page.document.body);
    for (const fact of ["62 Marshall St", "Rochester, NY 14607", "585-454-0343", "store@coop.example", "Monday – Saturday"]) {
      expect(body).toContain(fact);
    }
    const hrefs = [...page.document.querySelectorAll("main a")].map((a) => a.getAttribute("href"));
    expect(hrefs).toEqual(expect.arrayContaining(["/health", "/owners", "/jobs", "/newsletter", "/visit"]));
  });

  it("carries the aside of co-op links and the footer on every page", async () => {
    for (const path of ["/", "/about/board", "/visit"]) {
      const { document } = await fetchPage(path);
      expect(document.querySelectorAll('aside[aria-label="Co-op links"] a').length).toBeGreaterThanOrEqual(20);
      expect(text(document.querySelector("footer"))).toContain("Fax: 585-454-0343");
    }
  });

  it("describes itself to link previews", () => {
    const meta = (property: string) =>
      page.document.querySelector(`meta[property="${property}"]`)?.getAttribute("content");
    expect(meta("og:site_name")).toBe("Marshall Street Food Co-op");
    expect(page.document.querySelector('meta[name="description"]')?.getAttribute("content")).toBeTruthy();
  });
});

describe("content pages", () => {
  it.each(seededContentPages)("$path answers 200 with its heading and title", async ({ path, title }) => {
    const { status, document } = await fetchPage(path);
    expect(status).toBe(200);
    expect(text(document.querySelector("main h1"))).toBe(title);
    expect(document.title).toBe(`${title} · Marshall Street Food Co-op`);
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute("href")).toMatch(new RegExp(`${path}$`));
  });

  it("the Visit page shows the hours from the settings", async () => {
    const { document } = await fetchPage("/visit");
    expect(text(document.querySelector('[aria-label="Opening hours"]'))).toContain("Sunday");
  });

  it("the owners page leads to the online application", async () => {
    const { document } = await fetchPage("/owners");
    expect(document.querySelector('main a[href="/owners/apply"]')).not.toBeNull();
  });
});

describe("service routes", () => {
  it("/api/health answers {ok: true} when the database answers", async () => {
    const response = await fetch(portalUrl("/api/health"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(await response.json()).toEqual({ ok: true });
  });

  it("/sitemap.xml lists the home page and every content page with absolute URLs", async () => {
    const response = await fetch(portalUrl("/sitemap.xml"));
    expect(response.status).toBe(200);
    const xml = await response.text();
    for (const { path } of seededContentPages) expect(xml).toContain(`<loc>${portalUrl(path)}</loc>`);
  });

  it("/robots.txt keeps crawlers out of private areas and points at the sitemap", async () => {
    const body = await (await fetch(portalUrl("/robots.txt"))).text();
    expect(body).toMatch(/Disallow: \/staff/);
    expect(body).toMatch(/Disallow: \/account/);
    expect(body).toContain(`Sitemap: ${portalUrl("/sitemap.xml")}`);
  });
});

describe("a page that does not exist", () => {
  it("an address that matches no route answers 404 with the site's chrome and a way back", async () => {
    const { status, document } = await fetchPage("/no-such-page");
    expect(status).toBe(404);
    expect(text(document.querySelector("h1"))).toMatch(/could not find/i);
    expect(document.querySelector('main a[href="/"]')).not.toBeNull();
    expect(document.querySelector("footer")).not.toBeNull();
  });

  it("an unknown content page answers 404 and is kept out of search engines", async () => {
    // Next.js renders the body of a 404 raised by notFound() in a dynamic route in the
    // browser, not on the server (vercel/next.js#62228); the browser suite checks what
    // a visitor sees there.
    const { status, document } = await fetchPage("/about/no-such-page");
    expect(status).toBe(404);
    expect(document.querySelector('meta[name="robots"]')?.getAttribute("content")).toContain("noindex");
  });
});
