import fs from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { fetchPage, text } from "../helpers/html";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { shiftedClockEnv, startPortal, temporaryDataDir, type RunningPortal } from "../helpers/portal-server";
import { waitFor } from "../helpers/wait-for";

jest.setTimeout(180_000);

// The demo seed's elections (db/cli/seed-demo-elections.ts): one open now, one certified.
const OPEN = "board-of-directors-2027";
const CERTIFIED = "board-of-directors-2026";
// A draft of this file's own, opening in a month so that the opener loop leaves it a draft.
const DRAFT = "test-draft-election-public";

const electionId = (slug: string) => withPortalDb((db) => db.prepare("select id from elections where slug = ?").pluck().get(slug) as number);

beforeAll(() => {
  withPortalDb((db) => {
    const now = Date.now();
    db.prepare(
      `insert into elections (slug, title, description, opens_at, closes_at, record_date, quorum_kind, quorum_value, created_at, updated_at)
       values (?, 'Draft election nobody may see', 'Not yet.', ?, ?, '2026-01-01', 'count', 5, ?, ?)`,
    ).run(DRAFT, now + 30 * 86_400_000, now + 40 * 86_400_000, now, now);
  });
});

afterAll(() => {
  withPortalDb((db) => db.prepare("delete from elections where slug = ? and status = 'draft'").run(DRAFT));
});

describe("/elections", () => {
  it("lists the open election first and the certified one under past elections, and never a draft", async () => {
    const { status, document, html } = await fetchPage("/elections");
    expect(status).toBe(200);
    const open = document.querySelector('section[aria-labelledby="open-elections"]');
    const past = document.querySelector('section[aria-labelledby="past-elections"]');
    expect(open?.querySelector(`a[href="/elections/${OPEN}"]`)).not.toBeNull();
    expect(past?.querySelector(`a[href="/elections/${CERTIFIED}"]`)).not.toBeNull();
    expect(text(past)).toContain("results published");
    expect(open!.compareDocumentPosition(past!) & document.defaultView!.Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(html).not.toContain(DRAFT);
  });
});

describe("an open election's page", () => {
  it("shows the candidates by name with their statements, the measure's text, the dates and how to vote", async () => {
    const { status, document } = await fetchPage(`/elections/${OPEN}`);
    expect(status).toBe(200);
    const names = [...document.querySelectorAll("li h3")].map((heading) => text(heading));
    expect(names).toEqual(["Imani Okonkwo", "Rosalind Achterberg", "Tobias Ferreira-Lund", "Walter Pennington", "Yuki Sandoval"]);
    expect(text(document.body)).toContain("Vote for up to 3.");
    // Statements are Markdown, rendered: a list item and a strong.
    expect(text(document.querySelector("strong"))).not.toBe("");
    expect([...document.querySelectorAll("li li")].map((item) => text(item))).toContain("publish a plain-language budget each spring");
    expect(text(document.querySelector("blockquote"))).toContain("The annual meeting of owners shall be held in Rochester");
    expect(text(document.querySelector('section[aria-labelledby="election-facts"]'))).toMatch(/Record date.*Who may vote.*one vote/);
    const howToVote = document.querySelector('section[aria-labelledby="how-to-vote"]');
    expect(howToVote?.querySelector('a[href="/account"]')).not.toBeNull();
    expect(text(howToVote)).toContain("paper ballot");
  });

  it("shows turnout against the quorum in a labelled meter, and nothing of any tally", async () => {
    const rollSize = withPortalDb((db) => db.prepare("select count(*) from election_roll where election_id = ? and removed_at is null").pluck().get(electionId(OPEN)));
    const { document, html } = await fetchPage(`/elections/${OPEN}`);
    const meter = document.querySelector("meter#turnout-meter");
    expect(meter?.getAttribute("max")).toBe(String(Math.max(Number(rollSize), 1)));
    expect(text(document.querySelector('label[for="turnout-meter"]'))).toMatch(new RegExp(`^\\d+ of ${rollSize} ownership`));
    expect(text(document.querySelector('section[aria-labelledby="turnout"]'))).toMatch(/Quorum: \d+ ownership/);
    expect(document.querySelector("#results, #receipt-codes, table")).toBeNull();
    expect(html).not.toMatch(/Elected|ballots? counted/);
  });
});

describe("a certified election's page", () => {
  it("shows the results, the ballots counted and every receipt code counted", async () => {
    const codes = withPortalDb((db) => db.prepare("select code from election_receipts where election_id = ? order by code").pluck().all(electionId(CERTIFIED)));
    expect(codes.length).toBeGreaterThan(0);
    const { status, document } = await fetchPage(`/elections/${CERTIFIED}`);
    expect(status).toBe(200);
    const results = document.querySelector('section[aria-labelledby="results"]');
    expect(text(results)).toMatch(/\d+ ballots? counted: \d+ online and 0 on paper/);
    expect(text(results)).toMatch(/The quorum was \d+: it was (not )?met\./);
    expect(results?.querySelectorAll("table")).toHaveLength(2);
    expect(text(results?.querySelector("table"))).toContain("Elected");
    expect([...document.querySelectorAll('section[aria-labelledby="receipt-codes"] li')].map((item) => text(item))).toEqual(codes);
    expect(document.querySelector("meter")).toBeNull();
  });
});

describe("a draft election", () => {
  it("answers 404", async () => {
    expect((await fetch(portalUrl(`/elections/${DRAFT}`))).status).toBe(404);
  });
});

describe("the election pages' caching", () => {
  it.each(["/elections", `/elections/${OPEN}`, `/elections/${CERTIFIED}`])(
    "%s is prerendered: served from the page cache, with the public pages' headers and fixed policy",
    async (path) => {
      await fetch(portalUrl(path));
      const second = await fetch(portalUrl(path));
      expect(second.status).toBe(200);
      expect(second.headers.get("x-nextjs-cache")).toBe("HIT");
      expect(second.headers.get("cache-control")).toBe("s-maxage=60, stale-while-revalidate=300");
      expect(second.headers.get("content-security-policy")).not.toContain("nonce-");
    },
  );

  it("are listed in the sitemap", async () => {
    const sitemap = await (await fetch(portalUrl("/sitemap.xml"))).text();
    for (const path of ["/elections", `/elections/${OPEN}`, `/elections/${CERTIFIED}`]) expect(sitemap).toContain(`${path}</loc>`);
    expect(sitemap).not.toContain(DRAFT);
  });
});

// A portal of its own, with a clock the test moves: a vote is written straight to its
// roll (as no page can cast yet), and the shared portal's demo owner must stay unvoted.
describe("an open election's page over time", () => {
  let portal: RunningPortal;
  let clockFile: string;
  beforeAll(async () => {
    const dataDir = temporaryDataDir("elections-public");
    clockFile = path.join(dataDir, "clock-offset");
    portal = await startPortal({ dataDir, env: { DEMO: "1", ...shiftedClockEnv(clockFile) } });
  });
  afterAll(async () => {
    await portal?.stop();
  });

  const load = async (urlPath: string) => new JSDOM(await (await fetch(`${portal.url}${urlPath}`)).text()).window.document;
  const turnoutLabel = async () => text((await load(`/elections/${OPEN}`)).querySelector('label[for="turnout-meter"]'));

  it("shows a new vote in the turnout within a minute, even when nothing expires its tag", async () => {
    const before = await turnoutLabel();
    const voted = Number(/^(\d+) of/.exec(before)?.[1]);
    withPortalDb((db) => {
      const id = db.prepare("select id from elections where slug = ?").pluck().get(OPEN);
      db.prepare("update election_roll set voted_at = ?, channel = 'online' where election_id = ? and owner_id = (select min(owner_id) from election_roll where election_id = ? and voted_at is null)").run(Date.now(), id, id);
    }, portal.dataDir);
    // Cached: the same page until the minute has passed.
    expect(await turnoutLabel()).toBe(before);
    fs.writeFileSync(clockFile, String(61_000));
    await waitFor("the new turnout", async () => (await turnoutLabel()).startsWith(`${voted + 1} of`));
  });

  it("after the close, lists the election as being counted and shows neither turnout meter nor any tally", async () => {
    fs.writeFileSync(clockFile, String(22 * 86_400_000));
    const page = await waitFor("the closed election's page", async () => {
      const document = await load(`/elections/${OPEN}`);
      return text(document.querySelector("main h1 + p")).includes("being counted") && document;
    });
    expect(page.querySelector("meter, #results, #receipt-codes, table")).toBeNull();
    const list = await waitFor("the list's past elections", async () => {
      const past = (await load("/elections")).querySelector('section[aria-labelledby="past-elections"]');
      return past?.querySelector(`a[href="/elections/${OPEN}"]`) ? past : undefined;
    });
    expect(text(list)).toMatch(/being counted/);
  });
});
