import fc from "fast-check";
import { JSDOM } from "jsdom";
import { renderRss } from "@/lib/rss";

const channel = { title: "Jobs", description: "Openings.", link: "https://coop.example/jobs", feedUrl: "https://coop.example/jobs/feed.xml", copyright: "The co-op" };
const parse = (xml: string) => new JSDOM(xml, { contentType: "application/xml" }).window.document;
/** What XML can carry of a text: everything but C0 controls other than tab and line breaks, lone surrogates and U+FFFE/FFFF. */
const carried = (text: string) => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");

const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.array(fc.constantFrom("]]>", "]]", ">", "<![CDATA[", "<x:b xmlns:x=\"http://www.w3.org/1999/xhtml\">", "</x:b>", "&amp;", "&", "\r\n", "\r", "\u0000", "\ud800", "é", " "), { maxLength: 12 }).map((parts) => parts.join("")),
);

describe("renderRss", () => {
  it("keeps any text as text: the feed parses, holds only its own elements, and gives every title and category back", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (title, summary, html, category) => {
        const document = parse(
          renderRss({ ...channel, title: `Jobs ${title}` }, [{ title, link: "https://coop.example/jobs/a", date: new Date(0), summary, html, categories: [category] }]),
        );
        const names = [...document.getElementsByTagName("*")].map((element) => element.tagName);
        expect(names.filter((name) => !/^(rss|channel|title|link|description|lastBuildDate|docs|language|copyright|atom:link|item|guid|pubDate|content:encoded|category)$/.test(name))).toEqual([]);
        expect(document.querySelector("channel > title")!.textContent).toBe(carried(`Jobs ${title}`));
        expect(document.querySelector("item > title")!.textContent).toBe(carried(title));
        expect(document.querySelector("item > category")!.textContent).toBe(carried(category));
        expect(document.getElementsByTagName("content:encoded")[0]!.textContent).toBe(carried(html));
      }),
    );
  });

  it("gives a reader the summary as text: its description is the summary escaped as HTML", () => {
    const document = parse(renderRss(channel, [{ title: "T", link: "https://coop.example/jobs/a", date: new Date(0), summary: "<b>Tom</b> & Jerry ]]>" }]));
    expect(document.querySelector("item > description")!.textContent).toBe("&lt;b&gt;Tom&lt;/b&gt; &amp; Jerry ]]&gt;");
  });
});
