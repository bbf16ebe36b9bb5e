import fs from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { callAction, hasField, scrapeForm } from "../helpers/forms";
import { fetchPage, text } from "../helpers/html";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { waitFor } from "../helpers/wait-for";
import { shiftedClockEnv, startPortal, temporaryDataDir, type RunningPortal } from "../helpers/portal-server";
import { nextDay, storeDay } from "@/lib/model/format";
import { storedSessionCookie } from "../helpers/stored-session";

// A portal of its own, on its own DATA_DIR: /jobs, the feed, the sitemap and the home page
// share one cached list of postings (tag `jobs`), which the suite's shared portal has
// already read by the time this file runs. Rows written straight to the database do not
// revalidate that tag, so they are written here before anything reads the list.
jest.setTimeout(180_000);

const today = storeDay();
const yesterday = storeDay(new Date(Date.now() - 86_400_000));
const inAMonth = storeDay(new Date(Date.now() + 30 * 86_400_000));

type Row = { slug: string; title: string; status: "draft" | "published" | "closed"; closesOn: string; publishedDaysAgo?: number; payMaxCents?: number | null };

const postings = {
  open: { slug: "test-bulk-foods-clerk", title: "Bulk Foods Clerk", status: "published", closesOn: inAMonth, publishedDaysAgo: 0 },
  lastDay: { slug: "test-closes-today", title: "Closes Today Clerk", status: "published", closesOn: today, publishedDaysAgo: 20 },
  expired: { slug: "test-expired-posting", title: "Expired Posting Clerk", status: "published", closesOn: yesterday, publishedDaysAgo: 40 },
  closed: { slug: "test-closed-posting", title: "Closed Posting Clerk", status: "closed", closesOn: inAMonth, publishedDaysAgo: 10 },
  draft: { slug: "test-draft-posting", title: "Draft Posting Clerk", status: "draft", closesOn: inAMonth },
} satisfies Record<string, Row>;

function insertPosting(dataDir: string, row: Row) {
  withPortalDb((sqlite) => {
    const now = Date.now();
    const publishedAt = row.publishedDaysAgo === undefined ? null : now - row.publishedDaysAgo * 86_400_000;
    sqlite
      .prepare(
        `insert into jobs (slug, title, department, employment_type, hours, pay_min_cents, pay_max_cents, pay_unit, location,
           description, responsibilities, qualifications, benefits, closes_on, status, published_at, closed_at, created_at, updated_at)
         values (?, ?, 'Bulk', 'part_time', '20 hours a week', 1600, ?, 'hour', 'At the store', ?, '- Fill the bins', '- Careful with allergens', '', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.slug,
        row.title,
        row.payMaxCents === undefined ? 1800 : row.payMaxCents,
        `The **${row.title}** keeps the bulk aisle full.\n\nWe train you.`,
        row.closesOn,
        row.status,
        publishedAt,
        row.status === "closed" ? now : null,
        now,
        now,
      );
  }, dataDir);
}

let portal: RunningPortal;
/** The portal's clock runs ahead by the milliseconds written here (see helpers/shifted-clock.cjs). */
let clockFile: string;

beforeAll(async () => {
  const dataDir = temporaryDataDir("jobs-public");
  clockFile = path.join(dataDir, "clock-offset");
  portal = await startPortal({
    dataDir,
    env: {
      DEMO: "1",
      ...shiftedClockEnv(clockFile),
    },
  });
  for (const row of Object.values(postings)) insertPosting(portal.dataDir, row);
});

afterAll(async () => {
  await portal?.stop();
});

const url = (path: string) => `${portal.url}${path}`;

async function page(path: string) {
  const response = await fetch(url(path), { redirect: "manual" });
  const html = await response.text();
  return { response, html, document: new JSDOM(html).window.document };
}

function jobPostingData(document: Document) {
  return [...document.querySelectorAll('script[type="application/ld+json"]')]
    .map((script) => JSON.parse(script.textContent ?? "") as Record<string, unknown>)
    .filter((data) => data["@type"] === "JobPosting");
}

async function feed() {
  const response = await fetch(url("/jobs/feed.xml"));
  const xml = await response.text();
  return { response, xml, document: new JSDOM(xml, { contentType: "application/xml" }).window.document };
}

const sitemapLocations = async () =>
  [...new JSDOM(await (await fetch(url("/sitemap.xml"))).text(), { contentType: "application/xml" }).window.document.querySelectorAll("loc")].map((loc) => loc.textContent);

describe("/jobs", () => {
  it("lists the published openings whose closing day has not passed, newest first, each with its facts and a link", async () => {
    const { response, document } = await page("/jobs");
    expect(response.status).toBe(200);
    const items = [...document.querySelectorAll('main ul[aria-label="Open positions"] > li')];
    const titles = items.map((item) => text(item.querySelector("h2")));
    expect(titles[0]).toBe(postings.open.title);
    expect(titles).toEqual(expect.arrayContaining([postings.lastDay.title, "Cashier", "Produce Clerk", "Deli Cook"]));
    for (const gone of [postings.expired, postings.closed, postings.draft]) expect(titles).not.toContain(gone.title);
    expect(titles).not.toContain("Grocery Receiver");

    const first = items[0]!;
    expect(first.querySelector("h2 a")?.getAttribute("href")).toBe(`/jobs/${postings.open.slug}`);
    expect(text(first)).toContain("Bulk · Part-time");
    expect(text(first)).toContain("20 hours a week");
    expect(text(first)).toContain("$16.00–$18.00 an hour");
    expect(first.querySelector("time")?.getAttribute("datetime")).toBe(inAMonth);
  });

  it("names its RSS feed, says how to apply (the target of every page's apply link), and leaves the filters to the browser", async () => {
    const { document } = await page("/jobs");
    expect(document.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute("href")).toBe(url("/jobs/feed.xml"));
    expect(document.querySelector('main a[href="/jobs/feed.xml"]')).not.toBeNull();
    expect(text(document.getElementById("apply"))).toMatch(/how to apply/i);
    expect(document.querySelector('#apply a[href^="tel:"]')).not.toBeNull();
    // Prerendered without them: without JavaScript every posting shows.
    expect(document.querySelector("main select")).toBeNull();
  });

  it("is answered from the page cache the second time", async () => {
    await fetch(url("/jobs"));
    expect((await fetch(url("/jobs"))).headers.get("x-nextjs-cache")).toBe("HIT");
  });
});

describe("a posting's page", () => {
  it("shows the posting with its sections, facts and an Apply button", async () => {
    const { response, document } = await page(`/jobs/${postings.open.slug}`);
    expect(response.status).toBe(200);
    expect(text(document.querySelector("main h1"))).toBe(postings.open.title);
    const main = text(document.querySelector("main"));
    for (const fact of ["$16.00–$18.00 an hour", "20 hours a week", "Part-time", "Bulk", "At the store", "keeps the bulk aisle full", "Fill the bins", "Careful with allergens"]) {
      expect(main).toContain(fact);
    }
    expect([...document.querySelectorAll("main h2")].map((h) => text(h))).toEqual(["About the job", "What you will do", "What we are looking for"]);
    expect(document.querySelector("main strong")?.textContent).toBe(postings.open.title);
    const apply = [...document.querySelectorAll(`main a[href="/jobs/${postings.open.slug}/apply"]`)];
    expect(apply.length).toBeGreaterThan(0);
    expect(text(apply[0])).toBe("Apply for this job");
    expect(main).not.toMatch(/position is closed/i);
  });

  it("carries JobPosting JSON-LD with absolute links, the salary and the end of the closing day", async () => {
    const { document } = await page(`/jobs/${postings.open.slug}`);
    const [data, ...more] = jobPostingData(document);
    expect(more).toEqual([]);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      title: postings.open.title,
      description: expect.stringContaining("keeps the bulk aisle full"),
      employmentType: "PART_TIME",
      url: url(`/jobs/${postings.open.slug}`),
      hiringOrganization: { "@type": "Organization", name: "Marshall Street Food Co-op", sameAs: portal.url, logo: url("/logo.svg") },
      jobLocation: { "@type": "Place", address: { "@type": "PostalAddress", streetAddress: "62 Marshall St", addressLocality: "Rochester", addressRegion: "NY", postalCode: "14607" } },
      baseSalary: { "@type": "MonetaryAmount", currency: "USD", value: { "@type": "QuantitativeValue", minValue: 16, maxValue: 18, unitText: "HOUR" } },
      directApply: true,
    });
    expect(Date.parse(data!.datePosted as string)).toBeLessThanOrEqual(Date.now());
    // validThrough is the last second before the next day begins in Rochester.
    const validThrough = Date.parse(data!.validThrough as string);
    expect(storeDay(new Date(validThrough))).toBe(inAMonth);
    expect(storeDay(new Date(validThrough + 1000))).toBe(nextDay(inAMonth));
    expect(data!.description).not.toContain("**");
  });

  it("still takes applications on its closing day", async () => {
    const { document } = await page(`/jobs/${postings.lastDay.slug}`);
    expect(jobPostingData(document)).toHaveLength(1);
    expect(document.querySelector(`main a[href="/jobs/${postings.lastDay.slug}/apply"]`)).not.toBeNull();
  });

  it.each([
    ["past its closing day", postings.expired],
    ["closed by staff", postings.closed],
  ])("%s keeps its page, says the position is closed, and has no Apply button and no JobPosting", async (_state, posting) => {
    const { response, document } = await page(`/jobs/${posting.slug}`);
    expect(response.status).toBe(200);
    expect(text(document.querySelector("main h1"))).toBe(posting.title);
    expect(text(document.querySelector("main"))).toContain("This position is closed.");
    expect(document.querySelector('main a[href$="/apply"]')).toBeNull();
    expect(jobPostingData(document)).toEqual([]);
    expect(document.querySelector('main a[href="/jobs"]')).not.toBeNull();
  });

  it("of a draft, or of no posting, answers 404", async () => {
    expect((await fetch(url(`/jobs/${postings.draft.slug}`))).status).toBe(404);
    expect((await fetch(url("/jobs/no-such-posting"))).status).toBe(404);
  });

  it("is prerendered: a demo posting from the build and one first rendered on request are both answered from the cache", async () => {
    for (const slug of ["cashier", postings.open.slug]) {
      await fetch(url(`/jobs/${slug}`));
      const second = await fetch(url(`/jobs/${slug}`));
      expect({ slug, cache: second.headers.get("x-nextjs-cache") }).toEqual({ slug, cache: "HIT" });
      expect(second.headers.get("cache-control")).not.toContain("no-store");
    }
  });
});

describe("/jobs/feed.xml", () => {
  it("is RSS 2.0 of the open postings with absolute links, as valid XML", async () => {
    const { response, document } = await feed();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(document.querySelector("parsererror")).toBeNull();
    expect(document.documentElement.tagName).toBe("rss");
    expect(document.documentElement.getAttribute("version")).toBe("2.0");
    expect(document.querySelector("channel > link")?.textContent).toBe(url("/jobs"));

    const items = [...document.querySelectorAll("channel > item")];
    const links = items.map((item) => item.querySelector("link")?.textContent);
    expect(links[0]).toBe(url(`/jobs/${postings.open.slug}`));
    expect(links).toEqual(expect.arrayContaining([url(`/jobs/${postings.lastDay.slug}`), url("/jobs/cashier")]));
    for (const gone of [postings.expired, postings.closed, postings.draft]) expect(links).not.toContain(url(`/jobs/${gone.slug}`));
    expect(links.every((link) => link?.startsWith(`${portal.url}/jobs/`))).toBe(true);
    expect(items[0]!.querySelector("title")?.textContent).toBe(postings.open.title);
    expect(items[0]!.querySelector("description")?.textContent).toContain("$16.00–$18.00 an hour");
    expect(Date.parse(items[0]!.querySelector("pubDate")?.textContent ?? "")).not.toBeNaN();
  });

  it("is prerendered and revalidated, never no-store", async () => {
    await fetch(url("/jobs/feed.xml"));
    const second = await fetch(url("/jobs/feed.xml"));
    expect(second.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(second.headers.get("cache-control")).toMatch(/s-maxage=60/);
  });
});

describe("the sitemap", () => {
  it("lists /jobs and the open postings, not the closed, expired or draft ones", async () => {
    const locations = await sitemapLocations();
    expect(locations).toEqual(expect.arrayContaining([url("/jobs"), url(`/jobs/${postings.open.slug}`), url(`/jobs/${postings.lastDay.slug}`), url("/jobs/cashier")]));
    for (const gone of [postings.expired, postings.closed, postings.draft]) expect(locations).not.toContain(url(`/jobs/${gone.slug}`));
    expect(locations).not.toContain(url("/jobs/grocery-receiver"));
  });
});

describe("the home page", () => {
  it("shows up to three current openings, newest first, and the way to all of them", async () => {
    const { document } = await page("/");
    const section = document.querySelector('section[aria-labelledby="current-openings"]');
    expect(text(section?.querySelector("h2"))).toBe("Current openings");
    const links = [...section!.querySelectorAll("li a")].map((a) => a.getAttribute("href"));
    expect(links).toHaveLength(3);
    expect(links[0]).toBe(`/jobs/${postings.open.slug}`);
    expect(section!.querySelector('a[href="/jobs"]')).not.toBeNull();
  });
});

describe("staff publishing and closing through the actions", () => {
  // On the suite's shared portal, whose pages and list are long cached: what the actions
  // change must show at the next request because they revalidate the `jobs` tag.
  const slug = `test-cheese-counter-${Date.now().toString(36)}`;
  const title = "Cheese Counter Clerk";
  let staff: string;
  let id: string;

  const sharedFeedLinks = async () =>
    [...new JSDOM(await (await fetch(portalUrl("/jobs/feed.xml"))).text(), { contentType: "application/xml" }).window.document.querySelectorAll("item > link")].map((link) => link.textContent);
  const sharedSitemap = async () => (await fetch(portalUrl("/sitemap.xml"))).text();
  const sharedListTitles = async () => [...(await fetchPage("/jobs")).document.querySelectorAll("main ul[aria-label='Open positions'] h2")].map((h) => text(h));

  async function changeState(status: "published" | "closed") {
    const fields = await scrapeForm(`/staff/jobs/${id}`, staff, hasField("status", status));
    expect(await callAction(`/staff/jobs/${id}`, fields, staff)).toMatchObject({ ok: true, data: { status } });
  }

  beforeAll(async () => {
    staff = storedSessionCookie("jobs-public-staff@coop.example", "staff");
    // Everything read once before the posting exists, so that each is in the page cache.
    expect(await sharedListTitles()).not.toContain(title);
    await sharedFeedLinks();
    await sharedSitemap();
    const fields = await scrapeForm("/staff/jobs/new", staff, hasField("title"));
    const answer = await callAction(
      "/staff/jobs/new",
      {
        ...fields,
        title,
        slug,
        department: "Cheese",
        employmentType: "part_time",
        hours: "25 hours a week",
        payMin: "17",
        payMax: "19.25",
        payUnit: "hour",
        description: "Cut, wrap and recommend cheese.",
        closesOn: inAMonth,
      },
      staff,
    );
    expect(answer).toMatchObject({ redirect: expect.stringMatching(/^\/staff\/jobs\/\d+\?created=1$/) });
    id = /\/staff\/jobs\/(\d+)/.exec((answer as { redirect: string }).redirect)![1]!;
  });

  it("a draft has no public page, and is on none of the lists", async () => {
    expect((await fetch(portalUrl(`/jobs/${slug}`))).status).toBe(404);
    expect(await sharedListTitles()).not.toContain(title);
  });

  it("publishing puts it on /jobs, in the feed and in the sitemap at the next request, with its JobPosting", async () => {
    await changeState("published");
    expect(await sharedListTitles()).toContain(title);
    expect(await sharedFeedLinks()).toContain(portalUrl(`/jobs/${slug}`));
    expect(await sharedSitemap()).toContain(`<loc>${portalUrl(`/jobs/${slug}`)}</loc>`);
    const { status, document } = await fetchPage(`/jobs/${slug}`);
    expect(status).toBe(200);
    expect(jobPostingData(document)).toEqual([expect.objectContaining({ title, baseSalary: expect.objectContaining({ value: expect.objectContaining({ minValue: 17, maxValue: 19.25 }) }) })]);
    expect(document.querySelector(`main a[href="/jobs/${slug}/apply"]`)).not.toBeNull();
  });

  it("closing takes it off all three and removes its JobPosting; its page stays with the notice", async () => {
    await changeState("closed");
    expect(await sharedListTitles()).not.toContain(title);
    expect(await sharedFeedLinks()).not.toContain(portalUrl(`/jobs/${slug}`));
    expect(await sharedSitemap()).not.toContain(portalUrl(`/jobs/${slug}`));
    const { status, document } = await fetchPage(`/jobs/${slug}`);
    expect(status).toBe(200);
    expect(text(document.querySelector("main"))).toContain("This position is closed.");
    expect(jobPostingData(document)).toEqual([]);
    expect(document.querySelector('main a[href$="/apply"]')).toBeNull();
  });
});

// Last in the file: it moves this portal's clock a day ahead for good.
describe("when a posting's closing day passes, with no one saving anything", () => {
  const slug = postings.lastDay.slug;
  const listed = async () => ({
    list: text((await page("/jobs")).document.querySelector("main")).includes(postings.lastDay.title),
    feed: (await feed()).xml.includes(url(`/jobs/${slug}`)),
    sitemap: (await sitemapLocations()).includes(url(`/jobs/${slug}`)),
    jobPosting: jobPostingData((await page(`/jobs/${slug}`)).document).length > 0,
  });

  it("it leaves /jobs, the feed and the sitemap, and its page loses its JobPosting, within the pages' revalidation", async () => {
    expect(await listed()).toEqual({ list: true, feed: true, sitemap: true, jobPosting: true });
    const rowBefore = withPortalDb((db) => db.prepare("select status, closes_on, updated_at from jobs where slug = ?").get(slug), portal.dataDir);

    // The next day, in the store's time zone, and past every page's 60-second revalidation.
    fs.writeFileSync(clockFile, String(24 * 60 * 60_000 + 61_000));
    const now = await waitFor("the posting to leave every list", async () => {
      const shown = await listed();
      return !Object.values(shown).some(Boolean) && shown;
    }, 20_000, 500).catch(() => listed());
    expect(now).toEqual({ list: false, feed: false, sitemap: false, jobPosting: false });
    expect(text((await page(`/jobs/${slug}`)).document.querySelector("main"))).toContain("This position is closed.");
    expect(withPortalDb((db) => db.prepare("select status, closes_on, updated_at from jobs where slug = ?").get(slug), portal.dataDir)).toEqual(rowBefore);
  });
});
