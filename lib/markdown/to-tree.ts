import type { Element, Root } from "hast";
import { defaultUrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype);

const urlProperties = ["href", "src", "cite", "action", "poster"];

/**
 * Parses stored Markdown once into an HTML syntax tree that can be cached and rendered
 * many times. The same safety as <MarkdownContent>: raw HTML is dropped (remark-rehype
 * does not pass it through) and javascript:, vbscript: and data: URLs are emptied.
 */
export function markdownToTree(markdown: string): Root {
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  visit(tree, (node) => {
    delete node.position;
    if (node.type !== "element") return;
    const element = node as Element;
    for (const property of urlProperties) {
      const value = element.properties[property];
      if (typeof value === "string") element.properties[property] = defaultUrlTransform(value);
    }
  });
  return tree;
}
