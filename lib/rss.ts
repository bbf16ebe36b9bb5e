import { randomUUID } from "node:crypto";
import { Feed } from "feed";

export type RssChannel = {
  title: string;
  description: string;
  /** The page the feed follows. */
  link: string;
  /** The feed's own address (atom:link rel="self"). */
  feedUrl: string;
  image?: string;
  updated?: Date;
  copyright?: string;
  /** Minutes a reader may wait before asking again. */
  ttl?: number;
};

export type RssItem = {
  title: string;
  link: string;
  /** The guid when it is not the link. */
  id?: string;
  date: Date;
  /** Plain text: readers treat an RSS description as HTML, so it is escaped as HTML to stay text. */
  summary: string;
  /** HTML the portal rendered itself (Markdown without raw HTML), as content:encoded. */
  html?: string;
  categories?: string[];
  enclosure?: { url: string; type: string; length: number };
};

/**
 * RSS 2.0 whose every text is character data, whatever it contains. The `feed` package
 * wraps titles, descriptions and content in CDATA and splits only the first `]]>` (its
 * XML writer, xml-js, replaces one occurrence): a second one ends the section, and what
 * follows is markup (`]]><x:script xmlns:x="…xhtml">` became a real element). So `feed`
 * is given a random marker in place of each text, and each marker, with the CDATA around
 * it, is replaced by the text escaped here: `feed` still lays out the channel, items,
 * namespaces and enclosures, and no text of ours ever passes through its escaping.
 */
export function renderRss(channel: RssChannel, items: RssItem[]) {
  const texts: string[] = [];
  const marker = `rss-text-${randomUUID()}-`;
  const hold = (text: string) => `${marker}${texts.push(text) - 1}.`;

  const feed = new Feed({
    title: hold(channel.title),
    description: hold(channel.description),
    id: channel.link,
    link: channel.link,
    feed: channel.feedUrl,
    language: "en-US",
    image: channel.image,
    updated: channel.updated,
    generator: false,
    copyright: channel.copyright === undefined ? undefined : hold(channel.copyright),
    ttl: channel.ttl,
  });
  for (const item of items) {
    feed.addItem({
      title: hold(item.title),
      id: item.id,
      link: item.link,
      date: item.date,
      description: hold(escapeHtml(item.summary)),
      content: item.html === undefined ? undefined : hold(item.html),
      category: item.categories?.map((name) => ({ name: hold(name) })),
      enclosure: item.enclosure,
    });
  }
  const held = new RegExp(`(?:<!\\[CDATA\\[)?${marker}(\\d+)\\.(?:\\]\\]>)?`, "g");
  return feed.rss2().replace(held, (_match, index: string) => xmlText(texts[Number(index)]!));
}

/** Characters XML 1.0 cannot carry at all, not even as references (C0 controls, lone surrogates, U+FFFE/FFFF). */
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text as XML character data: `&`, `<` and `>` (so `]]>` too) escaped, and a carriage
 * return as a reference, which a parser would otherwise fold into a line feed.
 */
function xmlText(text: string) {
  return text.replace(notXml, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

function escapeHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
