import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Renders stored Markdown as inert HTML: raw HTML in the source is dropped (skipHtml),
 * and react-markdown's URL filter turns javascript:, vbscript: and data: links into
 * empty hrefs. Stored text never reaches dangerouslySetInnerHTML.
 */
export function MarkdownContent({ source }: { source: string }) {
  return (
    <div className="prose-coop">
      <Markdown remarkPlugins={[remarkGfm]} skipHtml>
        {source}
      </Markdown>
    </div>
  );
}
