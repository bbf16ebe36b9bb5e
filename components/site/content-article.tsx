import type { Root } from "hast";
import { MarkdownTree } from "./markdown-tree";

type ContentArticleProps = {
  title: string;
  tree: Root;
  updatedAt: string;
  /** Structured blocks shown after the text, e.g. the store's hours on /visit. */
  children?: React.ReactNode;
};

export function ContentArticle({ title, tree, updatedAt, children }: ContentArticleProps) {
  const updated = new Date(updatedAt);
  return (
    <article>
      <h1 className="mb-6 text-3xl font-bold text-leaf-900">{title}</h1>
      <MarkdownTree tree={tree} />
      {children}
      <p className="mt-10 text-sm text-muted">
        Last updated{" "}
        <time dateTime={updated.toISOString()}>
          {updated.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" })}
        </time>
      </p>
    </article>
  );
}
