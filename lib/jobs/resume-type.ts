import "server-only";
import { fileTypeFromBlob } from "file-type";
import { resumeContentTypes } from "./vocabulary";

export type ResumeContentType = keyof typeof resumeContentTypes;

const isResumeContentType = (mime: string): mime is ResumeContentType => Object.hasOwn(resumeContentTypes, mime);

/**
 * The résumé type a file's content shows (never its name or the type the browser
 * claimed), or null when it is not a PDF or a Word document. file-type reads only the
 * bytes it needs from the start of the file. A legacy Word file (.doc) is an OLE
 * compound file, which file-type reports as `application/x-cfb`: it is taken as Word.
 */
export async function sniffResumeType(file: Blob): Promise<ResumeContentType | null> {
  const found = await fileTypeFromBlob(file);
  if (!found) return null;
  const mime = found.mime === "application/x-cfb" ? "application/msword" : found.mime;
  return isResumeContentType(mime) ? mime : null;
}
