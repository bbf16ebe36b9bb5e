import { JSDOM } from "jsdom";
import { callAction, forgedSessionCookie, hasField, scrapeForm, submitForm } from "../helpers/forms";
import { fetchPage, text } from "../helpers/html";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(60_000);

describe("the health library's table of contents", () => {
  it("lists every category with its count, a search box and an A–Z index", async () => {
    const { status, document } = await fetchPage("/health");
    expect(status).toBe(200);
    for (const name of ["Alternative Modalities", "Herbs & Supplements", "Vitamins & Minerals", "Conditions", "Diet & Lifestyle"]) {
      const heading = [...document.querySelectorAll("main h2")].find((h) => text(h).startsWith(name));
      expect(text(heading)).toMatch(new RegExp(`^${name} \\(\\d+\\)$`));
    }
    expect(document.querySelector('form[role="search"] input[name="q"]')).not.toBeNull();
    expect(document.querySelector('a[href="#letter-P"]')).not.toBeNull();
    expect(document.querySelector('#letter-P a[href="/health/prolotherapy"]')).not.toBeNull();
  });
});

describe("a monograph page", () => {
  let document: Document;
  beforeAll(async () => {
    const page = await fetchPage("/health/prolotherapy");
    expect(page.status).toBe(200);
    document = page.document;
  });

  it("has the breadcrumb Health library > Alternative Modalities > Prolotherapy", () => {
    const crumbs = [...document.querySelectorAll('nav[aria-label="Breadcrumb"] li')].map((li) => text(li).replace(/\s*>$/, ""));
    expect(crumbs).toEqual(["Health library", "Alternative Modalities", "Prolotherapy"]);
  });

  it("shows its synonyms, sections, evidence table with grade legend, and disclaimer", () => {
    const main = text(document.querySelector("main"));
    expect(main).toContain("Also listed as: Reconstructive therapy");
    for (const heading of ["Background", "Theory / Evidence", "Safety", "Practice / Dosing", "References"]) {
      expect([...document.querySelectorAll("main h2")].map((h) => text(h))).toContain(heading);
    }
    const row = [...document.querySelectorAll("main table tbody tr")].find((tr) => /knee osteoarthritis/i.test(text(tr)));
    expect(text(row?.querySelector("td"))).toMatch(/^[ABCDF]$/);
    expect(text(document.querySelector('dl[aria-label="What the grades mean"]'))).toContain("Strong scientific evidence");
    expect(text(document.querySelector('aside[aria-label="About this information"]'))).toMatch(/not medical advice/i);
  });

  it("numbers its references and links them to PubMed", () => {
    const items = [...document.querySelectorAll("main ol li[id^=ref-]")];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items[0]!.id).toBe("ref-1");
    expect(text(document.querySelector("main"))).toContain("Reeves KD, Hassanein K");
    expect(document.querySelector('a[href="https://pubmed.ncbi.nlm.nih.gov/10710805/"]')).not.toBeNull();
  });

  it("offers a print view", () => {
    expect(text(document.querySelector('a[href="/health/prolotherapy/print"]'))).toBe("Print");
  });

  it("carries parseable MedicalWebPage JSON-LD", () => {
    const script = document.querySelector('script[type="application/ld+json"]');
    const data = JSON.parse(script!.textContent!);
    expect(data["@type"]).toBe("MedicalWebPage");
    expect(data.name).toBe("Prolotherapy");
    expect(data.about.name).toBe("Prolotherapy");
    expect(data.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.audience["@type"]).toBe("PeopleAudience");
    expect(data.citation.length).toBeGreaterThanOrEqual(3);
    expect(data.url).toBe(portalUrl("/health/prolotherapy"));
  });
});

describe("related terms", () => {
  it("link to the monographs they name", async () => {
    const { document } = await fetchPage("/health/osteoarthritis");
    expect(document.querySelector('section[aria-labelledby="related-terms"] a[href="/health/prolotherapy"]')).not.toBeNull();
  });
});

describe("the print view", () => {
  // The date printed is filled in by the browser (the page is cached): see the browser suite.
  it("has the text, the references and the page's address", async () => {
    const { status, document } = await fetchPage("/health/prolotherapy/print");
    expect(status).toBe(200);
    const main = text(document.querySelector("main"));
    expect(main).toContain("Prolotherapy");
    expect(main).toContain("References");
    expect(main).toContain(portalUrl("/health/prolotherapy"));
  });
});

describe("search without JavaScript", () => {
  it("every search form sends its GET to the results rendered on the server (scripts take a search to the prerendered page)", async () => {
    for (const path of ["/health", "/health/search?q=ginger", "/health/search/results?q=ginger"]) {
      const { document } = await fetchPage(path);
      const forms = [...document.querySelectorAll('form[role="search"]')];
      expect(forms.length).toBeGreaterThan(0);
      for (const form of forms) {
        expect(form.getAttribute("action")).toBe("/health/search/results");
        expect(form.getAttribute("method")).toBe("get");
        expect(form.querySelector('input[name="q"]')).not.toBeNull();
      }
    }
  });

  it("renders results for a query, best first", async () => {
    const { status, document } = await fetchPage("/health/search/results?q=reconstructive+therapy");
    expect(status).toBe(200);
    expect(document.querySelector("main ol li a")?.getAttribute("href")).toBe("/health/prolotherapy");
    expect(document.querySelector("main ol li mark")).not.toBeNull();
  });

  it("says so when nothing matches, and offers the categories", async () => {
    const { document } = await fetchPage("/health/search/results?q=qwxzzyv");
    expect(text(document.querySelector("main"))).toContain("No monographs match");
    expect(document.querySelector('main a[href="/health#herbs-supplements"]')).not.toBeNull();
  });

  // Which queries are turned into what, and that hostile ones find nothing or something, is
  // unit/search-query.test.ts's and db/monograph-search.test.ts's; here one goes the whole way.
  it("never fails on FTS syntax and SQL, and reads at most 200 characters", async () => {
    const query = `NEAR(" title: * 1' OR '1'='1 🌿 `.repeat(20);
    const page = await fetch(portalUrl(`/health/search/results?q=${encodeURIComponent(query)}`));
    expect(page.status).toBe(200);
    const api = await fetch(portalUrl(`/api/monographs/search?q=${encodeURIComponent(query)}`));
    expect(api.status).toBe(200);
    // The query comes back as it was read: cut at 200 characters, never rewritten.
    expect((await api.json()).query).toBe(query.slice(0, 200));
  });

  it("with JavaScript, the search page is one prerendered page whatever the query; its results come from the JSON API, twenty at most", async () => {
    const pages = await Promise.all(["ginger", "reconstructive therapy", "qwxzzyv"].map((query) => fetch(portalUrl(`/health/search?q=${encodeURIComponent(query)}`))));
    for (const page of pages) expect(page.headers.get("cache-control")).toBe("s-maxage=60, stale-while-revalidate=300");
    const [first, ...others] = await Promise.all(pages.map((page) => page.text()));
    expect(first).toContain("Search the health library");
    for (const other of others) expect(other).toBe(first);
    const twenty = await (await fetch(portalUrl("/api/monographs/search?q=the&limit=20"))).json();
    const ten = await (await fetch(portalUrl("/api/monographs/search?q=the"))).json();
    expect(ten.results.length).toBeLessThanOrEqual(10);
    expect(twenty.results.length).toBeLessThanOrEqual(20);
    expect(twenty.results.length).toBeGreaterThanOrEqual(ten.results.length);
    expect((await (await fetch(portalUrl("/api/monographs/search?q=the&limit=9999"))).json()).results.length).toBeLessThanOrEqual(20);
  });

  it("serves the same search as cacheable JSON", async () => {
    const response = await fetch(portalUrl("/api/monographs/search?q=prolo"));
    expect(response.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    const body = await response.json();
    expect(body.results[0]).toMatchObject({ slug: "prolotherapy", title: "Prolotherapy", category: "alternative-modalities" });
    expect(body.results[0].snippet.some((segment: { hit: boolean }) => segment.hit)).toBe(true);
  });
});

describe("staff editing", () => {
  let staff: string;
  let member: string;
  beforeAll(async () => {
    staff = storedSessionCookie("library-staff@coop.example", "staff");
    member = storedSessionCookie("library-member@coop.example", "member");
  });

  const countOf = (slug: string) =>
    (withPortalDb((db) => db.prepare("select count(*) as n from monographs where slug = ?").get(slug)) as { n: number }).n;

  it("a member, or a visitor whose session is not valid, cannot create, publish or delete: each action refuses by itself", async () => {
    expect((await fetch(portalUrl("/staff/monographs"), { headers: { Cookie: member }, redirect: "manual" })).status).toBe(403);
    const ginger = (withPortalDb((db) => db.prepare("select id from monographs where slug = 'ginger'").get()) as { id: number }).id;
    const row = () => withPortalDb((db) => db.prepare("select slug, title, status, summary from monographs where id = ?").get(ginger));
    const before = row();
    const create = await scrapeForm("/staff/monographs/new", staff, hasField("slug"));
    const unpublish = await scrapeForm(`/staff/monographs/${ginger}`, staff, hasField("status", "draft"));
    const remove = await scrapeForm(`/staff/monographs/${ginger}`, staff, hasField("confirm"));

    for (const [cookie, message] of [
      [forgedSessionCookie, "Please sign in first."],
      [member, "This is for co-op staff."],
    ] as const) {
      expect(await callAction("/staff/monographs/new", { ...create, slug: "member-made", title: "Member made" }, cookie)).toMatchObject({ ok: false, message });
      expect(await callAction(`/staff/monographs/${ginger}`, unpublish, cookie)).toMatchObject({ ok: false, message });
      expect(await callAction(`/staff/monographs/${ginger}`, remove, cookie)).toMatchObject({ ok: false, message });
    }
    expect(countOf("member-made")).toBe(0);
    expect(row()).toEqual(before);
    expect((await fetch(portalUrl("/health/ginger"))).status).toBe(200);
  });

  it("a draft 404s; published it appears, with search; unpublished it is gone again", async () => {
    const form = await scrapeForm("/staff/monographs/new", staff, hasField("slug"));
    await submitForm(
      "/staff/monographs/new",
      {
        ...form,
        slug: "sea-buckthorn",
        title: "Sea buckthorn",
        category: "herbs-supplements",
        status: "draft",
        summary: "A hardy shrub whose orange berries are rich in oils.",
        "sections.background": "Sea buckthorn grows on windswept coasts.",
        "evidence.0.condition": "Dry eye",
        "evidence.0.grade": "C",
        "evidence.0.note": "One small trial.",
      },
      staff,
    );
    expect(countOf("sea-buckthorn")).toBe(1);
    expect((await fetch(portalUrl("/health/sea-buckthorn"))).status).toBe(404);
    expect((await (await fetch(portalUrl("/api/monographs/search?q=buckthorn"))).json()).results).toEqual([]);

    const id = (withPortalDb((db) => db.prepare("select id from monographs where slug = 'sea-buckthorn'").get()) as { id: number }).id;
    const publish = await scrapeForm(`/staff/monographs/${id}`, staff, hasField("status", "published"));
    await submitForm(`/staff/monographs/${id}`, publish, staff);
    const page = await fetchPage("/health/sea-buckthorn");
    expect(page.status).toBe(200);
    expect(text(page.document.querySelector("main table"))).toContain("Dry eye");
    expect((await (await fetch(portalUrl("/api/monographs/search?q=buckthorn"))).json()).results[0].slug).toBe("sea-buckthorn");

    // Cached now; an edit shows on the page and its print view at the next request.
    await fetchPage(`/health/sea-buckthorn/print`);
    const edit = await scrapeForm(`/staff/monographs/${id}`, staff, hasField("slug", "sea-buckthorn"));
    await submitForm(`/staff/monographs/${id}`, { ...edit, summary: "Orange berries from windswept coasts, edited." }, staff);
    for (const path of ["/health/sea-buckthorn", "/health/sea-buckthorn/print"]) {
      expect(text((await fetchPage(path)).document.querySelector("main"))).toContain("windswept coasts, edited");
    }

    const unpublish = await scrapeForm(`/staff/monographs/${id}`, staff, hasField("status", "draft"));
    await submitForm(`/staff/monographs/${id}`, unpublish, staff);
    expect((await fetch(portalUrl("/health/sea-buckthorn"))).status).toBe(404);

    const audit = withPortalDb((db) => db.prepare("select action from audit_log where subject_type = 'monograph' and subject_id = ? order by id").all(String(id)));
    expect(audit).toEqual([{ action: "monograph.create" }, { action: "monograph.publish" }, { action: "monograph.update" }, { action: "monograph.unpublish" }]);
  });

  it("refuses a new monograph at a taken slug on the slug field, and leaves the existing one and the audit log as they were", async () => {
    const ginger = () =>
      withPortalDb((db) => {
        const row = db.prepare("select * from monographs where slug = 'ginger'").get() as { id: number };
        const evidence = db.prepare("select condition, grade, note from monograph_evidence where monograph_id = ? order by position").all(row.id);
        const audit = db
          .prepare("select id, action from audit_log where subject_type = 'monograph' and (subject_id = ? or json_extract(detail, '$.slug') = 'ginger') order by id")
          .all(String(row.id));
        return { row, evidence, audit };
      });
    const before = ginger();
    const form = await scrapeForm("/staff/monographs/new", staff, hasField("slug"));

    const response = await submitForm(
      "/staff/monographs/new",
      { ...form, slug: "ginger", title: "Ginger, written again", category: "herbs-supplements", summary: "Would replace the real one." },
      staff,
    );

    expect(response.status).toBe(200);
    const document = new JSDOM(await response.text()).window.document;
    const slug = document.querySelector<HTMLInputElement>('input[name="slug"]')!;
    expect(slug.value).toBe("ginger");
    expect(slug.getAttribute("aria-invalid")).toBe("true");
    const described = slug.getAttribute("aria-describedby")!.split(" ").map((id) => text(document.getElementById(id)));
    expect(described).toContainEqual(expect.stringMatching(/taken/i));
    expect(ginger()).toEqual(before);
  });

  it("rejects a bad grade field by field and stores nothing", async () => {
    const form = await scrapeForm("/staff/monographs/new", staff, hasField("slug"));
    const response = await submitForm(
      "/staff/monographs/new",
      { ...form, slug: "bad-grade-check", title: "Bad grade", "evidence.0.condition": "Anything", "evidence.0.grade": "E" },
      staff,
    );
    expect(response.status).toBeLessThan(500);
    expect(countOf("bad-grade-check")).toBe(0);
  });
});
