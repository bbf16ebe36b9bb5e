import type { Root } from "hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";

/**
 * Renders Markdown already parsed by markdownToTree (and cached with the page's data),
 * so a page view pays for turning the tree into elements, not for parsing.
 */
export function MarkdownTree({ tree }: { tree: Root }) {
  return <div className="prose-coop">{toJsxRuntime(tree, { Fragment, jsx, jsxs })}</div>;
}
