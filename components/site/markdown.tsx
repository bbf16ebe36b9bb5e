import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Renders Markdown as inert HTML, for live previews in the staff editors: raw HTML in
 * the source is dropped (skipHtml) and react-markdown's URL filter empties javascript:,
 * vbscript: and data: links. Public pages render the cached tree (MarkdownTree), built
 * with the same rules. Stored text is never injected as raw HTML.
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
