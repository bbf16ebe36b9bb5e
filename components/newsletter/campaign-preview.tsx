import type { Root } from "hast";
import { MarkdownTree } from "@/components/site/markdown-tree";

/**
 * A saved campaign as a subscriber will see it: the email's frame, subject, body (from
 * the same parsed tree the email is written from) and footer, and its plain-text part.
 */
export function CampaignPreview({ coopName, subject, tree, text }: { coopName: string; subject: string; tree: Root; text: string }) {
  return (
    <section aria-labelledby="preview-heading" className="mt-8 max-w-3xl">
      <h2 id="preview-heading" className="text-xl font-bold text-leaf-900">
        Preview
      </h2>
      <div className="mt-3 rounded-lg bg-leaf-50 p-4">
        <div className="rounded-t-md bg-leaf-800 px-5 py-3 text-lg font-bold text-white">{coopName}</div>
        <div className="rounded-b-md border border-t-0 border-leaf-100 bg-white px-5 py-5">
          <p className="mb-4 text-xl font-bold">{subject}</p>
          <MarkdownTree tree={tree} />
        </div>
        <div className="px-1 pt-3 text-sm text-muted">
          <p>You receive this email because you subscribed to the {coopName} newsletter.</p>
          <p>Read it in your browser · Unsubscribe (each subscriber gets their own link)</p>
        </div>
      </div>
      <details className="mt-3">
        <summary className="cursor-pointer font-semibold">Plain-text version</summary>
        <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded-md border border-leaf-100 bg-white p-4 text-sm">{text}</pre>
      </details>
    </section>
  );
}
