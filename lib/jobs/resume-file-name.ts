// The name a résumé downloads under. Pure: the submit service and the download route
// both use it, and unit tests read it directly.

const NAME_MAX = 100;

/**
 * The sender's file name made safe to offer as a download name: its last path segment
 * only (a browser sends no folders, anyone else may), without control or invisible
 * formatting characters (bidi overrides can disguise an extension), without characters
 * file systems refuse, at most 100 characters, and with the extension of the type its
 * content showed ("cv.html" that is really a PDF downloads as "cv.pdf").
 */
export function resumeDownloadName(sentName: string, extension: string) {
  const lastSegment = sentName.split(/[/\\]/).at(-1) ?? "";
  const cleaned = lastSegment
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const stem = cleaned.includes(".") ? cleaned.slice(0, cleaned.lastIndexOf(".")) : cleaned;
  const capped = Array.from(stem).slice(0, NAME_MAX).join("").trim();
  return `${capped || "resume"}.${extension}`;
}

/** RFC 5987 `value-chars`: percent-encoded UTF-8, with the few characters encodeURIComponent leaves but attr-char does not allow. */
const encodeExtValue = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition: attachment` for a download name (RFC 6266): an ASCII `filename`
 * for old clients (accents dropped, anything else non-ASCII, quotes, backslashes and
 * percent signs as "_"), and the exact name as `filename*` in RFC 5987 encoding.
 */
export function attachmentDisposition(fileName: string) {
  const fallback = fileName
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}
