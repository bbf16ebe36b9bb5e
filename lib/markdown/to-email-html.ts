import type { Element, ElementContent, Root, RootContent } from "hast";
import { treeToText } from "./to-text";

// Email clients ignore style sheets more often than not: each element carries its own style.
const headingStyle = (size: number) => `font-size:${size}px;line-height:1.3;margin:24px 0 12px;color:#1f2421`;
const styles: Record<string, string> = {
  p: "margin:0 0 16px;line-height:1.5",
  h1: headingStyle(22),
  h2: headingStyle(19),
  h3: headingStyle(17),
  h4: headingStyle(16),
  h5: headingStyle(15),
  h6: headingStyle(15),
  ul: "margin:0 0 16px;padding-left:24px",
  ol: "margin:0 0 16px;padding-left:24px",
  li: "margin:0 0 6px;line-height:1.5",
  blockquote: "margin:0 0 16px;padding:0 0 0 12px;border-left:4px solid #d8ead9;color:#4b544e",
  pre: "margin:0 0 16px;padding:12px;background:#f3f4f1;border-radius:4px;overflow-x:auto;font-size:13px",
  code: "font-family:ui-monospace,Menlo,Consolas,monospace",
  a: "color:#235330;text-decoration:underline",
  hr: "border:0;border-top:1px solid #d8ead9;margin:24px 0",
  table: "border-collapse:collapse;margin:0 0 16px",
  th: "border:1px solid #d8ead9;padding:6px 8px;text-align:left",
  td: "border:1px solid #d8ead9;padding:6px 8px;text-align:left",
  img: "max-width:100%;height:auto",
};
const plainTags = new Set(["strong", "em", "del", "br", "thead", "tbody", "tr"]);
const voidTags = new Set(["br", "hr", "img"]);

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

/**
 * A link as it must be in an email: absolute (a relative link has no site to be relative
 * to in a mail client), and only http(s) or mailto. Null for anything else, in-page
 * anchors included (footnote references point nowhere in an email).
 */
export function absoluteEmailUrl(value: unknown, siteUrl: string, protocols = ["http:", "https:", "mailto:"]) {
  if (typeof value !== "string" || value === "" || value.startsWith("#")) return null;
  try {
    const url = new URL(value, `${siteUrl}/`);
    return protocols.includes(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}

function write(node: Root | RootContent | ElementContent, siteUrl: string): string {
  if (node.type === "text") return escapeHtml(node.value);
  if (node.type === "root") return node.children.map((child) => write(child, siteUrl)).join("");
  // Comments, doctypes and raw HTML: remark-rehype passes no raw HTML, and none is written here either.
  if (node.type !== "element") return "";
  const inner = node.children.map((child) => write(child, siteUrl)).join("");
  const tag = node.tagName;
  if (!(tag in styles) && !plainTags.has(tag)) return inner;
  let attributes = styles[tag] ? ` style="${styles[tag]}"` : "";
  if (tag === "a") {
    const href = absoluteEmailUrl(node.properties.href, siteUrl);
    if (!href) return inner;
    attributes += ` href="${escapeHtml(href)}"`;
  }
  if (tag === "img") {
    const src = absoluteEmailUrl(node.properties.src, siteUrl, ["http:", "https:"]);
    const alt = typeof node.properties.alt === "string" ? node.properties.alt : "";
    if (!src) return escapeHtml(alt);
    attributes += ` src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"`;
  }
  return voidTags.has(tag) ? `<${tag}${attributes}>` : `<${tag}${attributes}>${inner}</${tag}>`;
}

/**
 * Markdown already parsed by markdownToTree as email HTML: a fixed set of elements, each
 * with inline styles, every text and attribute escaped, links made absolute and limited
 * to http(s) and mailto. Nothing of the source passes through as markup.
 */
export function treeToEmailHtml(tree: Root, siteUrl: string) {
  return write(tree, siteUrl);
}

/** The plain-text part: the words of the tree, each link followed by its address in brackets. */
export function treeToEmailText(tree: Root, siteUrl: string) {
  const withAddresses = <T extends Root | Element>(node: T): T => {
    const children = node.children.map((child) => (child.type === "element" ? withAddresses(child) : child));
    if (node.type !== "element" || node.tagName !== "a") return { ...node, children };
    const href = absoluteEmailUrl(node.properties.href, siteUrl);
    const label = treeToText({ type: "root", children: children as RootContent[] });
    const shown = href && label !== href && `mailto:${label}` !== href;
    return { ...node, children: shown ? [...children, { type: "text", value: ` (${href})` }] : children };
  };
  return treeToText(withAddresses(tree));
}
