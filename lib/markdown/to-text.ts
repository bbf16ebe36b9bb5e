import type { ElementContent, Root, RootContent } from "hast";

const blocks = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table", "tr", "hr"]);

function textOf(node: Root | RootContent | ElementContent, listDepth: number): string {
  if (node.type === "text") return node.value;
  if (node.type !== "element" && node.type !== "root") return "";
  const children = node.children as (RootContent | ElementContent)[];
  if (node.type === "element") {
    if (node.tagName === "br") return "\n";
    if (node.tagName === "li") return `${"  ".repeat(listDepth - 1)}- ${children.map((child) => textOf(child, listDepth)).join("").trim()}`;
    if (node.tagName === "tr") return children.filter((child) => child.type === "element").map((child) => textOf(child, listDepth).trim()).join(" · ");
    if (node.tagName === "ul" || node.tagName === "ol") {
      return children.filter((child) => child.type === "element").map((child) => textOf(child, listDepth + 1)).join("\n");
    }
  }
  const parts = children.map((child) => textOf(child, listDepth));
  // Blocks are set apart by blank lines, as in the Markdown they came from; inline text runs on.
  const isBlock = (child: RootContent | ElementContent) => child.type === "element" && blocks.has(child.tagName);
  return children.some(isBlock)
    ? parts
        .filter((part, index) => isBlock(children[index]!) || part.trim())
        .map((part) => part.trim())
        .join("\n\n")
    : parts.join("");
}

/**
 * The words of Markdown already parsed by markdownToTree, without markup: paragraphs apart
 * by blank lines, list items as "- item". For places that take text, not HTML: JSON-LD
 * descriptions, feed summaries, meta descriptions.
 */
export function treeToText(tree: Root) {
  return textOf(tree, 0).trim();
}
