import fs from "node:fs";
import { Readable } from "node:stream";
import { getNewsletterIssueBySlug } from "@/db/queries/newsletter-issues";
import { issueDownloadName } from "@/lib/newsletter/issue-files";
import { storedUploadPath } from "@/lib/uploads/storage";

const SLUG = /^[a-z0-9-]{1,100}$/;

const notFound = () => new Response("There is no such issue of The Rutabaga Rap.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * An issue's PDF, for anyone (the issues are public). The route finds the ISSUE by its
 * slug and serves the one file that issue points at: nothing here takes an upload id, so
 * no other upload (résumés share the store) can be reached through it. Shown inline, as
 * as the PDF its content showed on arrival. Staff cannot replace an issue's file, only
 * delete the issue, so its address keeps its bytes and caches may keep them a day (an
 * issue deleted and uploaded again with the same date and title may show the old file
 * for that day). No Content-Length: Next drops it from a route handler's answer and
 * streams the body; the list and the feed give the size.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const issue = SLUG.test(slug) ? getNewsletterIssueBySlug(slug) : null;
  if (!issue) return notFound();
  let stream: fs.ReadStream;
  try {
    stream = await openFile(storedUploadPath(issue.uploadId));
  } catch {
    return notFound();
  }
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${issueDownloadName(issue.issuedOn)}"`,
      "Cache-Control": "public, max-age=86400",
      "Last-Modified": issue.createdAt.toUTCString(),
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** A read stream once the file is open, so a missing file is a 404 here rather than an error mid-response. */
function openFile(file: string) {
  return new Promise<fs.ReadStream>((resolve, reject) => {
    const stream = fs.createReadStream(file);
    stream.once("open", () => resolve(stream));
    stream.once("error", reject);
  });
}
