import { slugFrom } from "@/lib/model/slug";

// Names of an issue's address and download. Pure: the upload service, the seed, the
// download route and unit tests use them.

/** An issue's address under /newsletter/issues/: its date, then its title ("2026-11-01-the-harvest-issue"). */
export function issueSlug(issuedOn: string, title: string) {
  const words = slugFrom(title, 60);
  return words ? `${issuedOn}-${words}` : issuedOn;
}

/** The name an issue downloads under: "rutabaga-rap-2026-11-01.pdf". */
export const issueDownloadName = (issuedOn: string) => `rutabaga-rap-${issuedOn}.pdf`;

/** Where an issue's PDF is served: the issue's address, by slug (never the upload's id). */
export const issuePdfPath = (slug: string) => `/newsletter/issues/${slug}`;

/** A file size as people read it: "184 KB", "2.4 MB". */
export function formatFileSize(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
