import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { callAction, hasField, scrapeForm } from "../helpers/forms";
import { onOwnPortal } from "../helpers/hostile";
import { portalDataDir, portalUrl, withPortalDb } from "../helpers/portal";
import { waitFor } from "../helpers/wait-for";
import { storedSessionCookie } from "../helpers/stored-session";

// A portal of its own: the campaign goes to every confirmed subscriber, and the issue row
// is written straight to the database before anything reads (and caches) its feed.
onOwnPortal("feeds");

jest.setTimeout(180_000);

/** A confirmed reader on the first list (a campaign's send is offered only when it has someone to go to). */
function addReaderOnFirstList(email: string) {
  withPortalDb((db) => {
    const { id } = db.prepare("insert into newsletter_subscribers (email, status, signed_up_at, confirmed_at) values (?, 'confirmed', ?, ?) returning id").get(email, Date.now(), Date.now()) as { id: number };
    db.prepare("insert into newsletter_list_members (list_id, subscriber_id, status, chosen_at, consent_at, consent_source) select id, ?, 'subscribed', ?, ?, 'form' from newsletter_lists where slug = 'news'").run(id, Date.now(), Date.now());
  });
}

/** Ends a CDATA section twice, then opens an XHTML element: a feed that copies it into CDATA as it is carries a real element. */
const hostileTitle = 'Cashier]]>]]><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script><![CDATA[';
/** Text with `]]>` several times; `x:script` is not HTML to Markdown (no colon in a tag name), so it stays text. */
const hostileBody = 'Ring ]]> up ]]> groceries ]]><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(2)</x:script> kindly ]]> &amp; ]]]]>>.';

const RSS = [
  "rss", "channel", "title", "link", "description", "language", "copyright", "managingEditor", "webMaster", "pubDate", "lastBuildDate",
  "category", "generator", "docs", "cloud", "ttl", "image", "url", "width", "height", "item", "author", "comments", "enclosure", "guid", "source",
];
/** The namespaced elements the feed package writes: the feed's own address, full content, its author. */
const NAMESPACED: Record<string, string[]> = {
  "http://www.w3.org/2005/Atom": ["link"],
  "http://purl.org/rss/1.0/modules/content/": ["encoded"],
  "http://purl.org/dc/elements/1.1/": ["creator"],
};

const feeds = ["/jobs/feed.xml", "/newsletter/emails/feed.xml", "/newsletter/issues/feed.xml"];
const run = crypto.randomBytes(4).toString("hex");

async function readFeed(url: string) {
  const response = await fetch(portalUrl(url));
  const xml = await response.text();
  let document: Document;
  try {
    // jsdom's XML mode is a namespace-aware XML parser (saxes) that throws on a document that is not well-formed.
    document = new JSDOM(xml, { contentType: "application/xml" }).window.document;
  } catch (error) {
    throw new Error(`${url} is not well-formed XML (${(error as Error).message}):\n${xml.slice(0, 2000)}`);
  }
  return { response, xml, document };
}

/** Every element that is neither RSS 2.0's own nor one of the namespaced ones the feed package writes. */
function foreignElements(document: Document) {
  return [...document.getElementsByTagName("*")]
    .filter((element) => (element.namespaceURI === null ? !RSS.includes(element.localName) : !NAMESPACED[element.namespaceURI]?.includes(element.localName)))
    .map((element) => `${element.tagName} (${element.namespaceURI ?? "no namespace"})`);
}

beforeAll(async () => {
  // The issue first, before any request reads the issues feed (the upload form itself is newsletter-issues.test.ts's).
  withPortalDb((db) => {
    const uploadId = crypto.randomBytes(16).toString("hex");
    const pdf = "%PDF-1.4\n%%EOF\n";
    fs.mkdirSync(path.join(portalDataDir(), "uploads"), { recursive: true });
    fs.writeFileSync(path.join(portalDataDir(), "uploads", uploadId), pdf);
    db.prepare("insert into uploads (id, original_name, content_type, size_bytes, created_at) values (?, 'issue.pdf', 'application/pdf', ?, ?)").run(uploadId, pdf.length, Date.now());
    db.prepare("insert into newsletter_issues (slug, title, issued_on, summary, upload_id, created_at) values (?, ?, '2099-01-01', ?, ?, ?)").run(
      `2099-01-01-feed-test-${run}`,
      hostileTitle,
      hostileBody,
      uploadId,
      Date.now(),
    );
  });

  const staff = storedSessionCookie(`feeds-staff-${run}@coop.example`, "staff");

  // Staff save a posting with the hostile title, and publish it.
  const create = await scrapeForm("/staff/jobs/new", staff, hasField("title"));
  const created = await callAction(
    "/staff/jobs/new",
    { ...create, title: hostileTitle, slug: `feed-test-${run}`, department: "Front ]]> end", hours: "Evenings ]]> and ]]> weekends", payMin: "16", payMax: "", description: hostileBody, closesOn: "2099-01-01" },
    staff,
  );
  expect(created).toEqual({ redirect: expect.stringMatching(/^\/staff\/jobs\/\d+\?created=1$/) });
  const jobId = Number(/\/(\d+)\?/.exec((created as { redirect: string }).redirect)![1]);
  const publish = await scrapeForm(`/staff/jobs/${jobId}`, staff, hasField("status", "published"));
  expect(await callAction(`/staff/jobs/${jobId}`, publish, staff)).toMatchObject({ ok: true, data: { status: "published" } });

  // Staff write a campaign with the same subject and the hostile body, and send it to the first list, where one reader is.
  addReaderOnFirstList(`feeds-reader-${crypto.randomBytes(4).toString("hex")}@coop.example`);
  const draft = await scrapeForm("/staff/newsletter/campaigns/new", staff, hasField("subject"));
  const drafted = await callAction("/staff/newsletter/campaigns/new", { ...draft, ownership: "any", subject: hostileTitle, markdown: `${hostileBody}\n\nMore ]]> news ]]>.` }, staff);
  expect(drafted).toEqual({ redirect: expect.stringMatching(/^\/staff\/newsletter\/campaigns\/\d+\?created=1$/) });
  const campaignId = Number(/\/campaigns\/(\d+)\?/.exec((drafted as { redirect: string }).redirect)![1]);
  const send = await scrapeForm(`/staff/newsletter/campaigns/${campaignId}?confirm=send`, staff, hasField("confirm", "yes"));
  expect(await callAction(`/staff/newsletter/campaigns/${campaignId}?confirm=send`, send, staff)).toEqual({ redirect: `/staff/newsletter/campaigns/${campaignId}?sending=1` });
  await waitFor(
    "the campaign to be sent",
    () => (withPortalDb((db) => db.prepare("select status from newsletter_campaigns where id = ?").pluck().get(campaignId)) === "sent" ? true : undefined),
    60_000,
  );
});

describe.each(feeds)("%s, with a title and a text that end CDATA sections", (url) => {
  it("parses as XML, holds no element but RSS's own, and gives the title back exactly", async () => {
    const { response, document, xml } = await readFeed(url);
    expect(response.status).toBe(200);
    expect(document.documentElement.localName).toBe("rss");
    expect(foreignElements(document)).toEqual([]);
    const titles = [...document.querySelectorAll("channel > item > title")].map((title) => title.textContent);
    expect(titles).toContain(hostileTitle);
    // The hostile text is in the feed, as text: nothing of it was dropped to make it safe.
    expect(xml).toContain("alert(2)");
  });

  it("is served with the policy that allows nothing, and only that one", async () => {
    const response = await fetch(portalUrl(url));
    // fetch joins repeated headers with ", ": one value without a comma is one policy.
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
  });
});
