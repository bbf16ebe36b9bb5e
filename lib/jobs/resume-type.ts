import "server-only";
import { fileTypeFromBlob } from "file-type";
import { resumeContentTypes } from "@/lib/model/jobs";

export type ResumeContentType = keyof typeof resumeContentTypes;

const isResumeContentType = (mime: string): mime is ResumeContentType => Object.hasOwn(resumeContentTypes, mime);

/**
 * The résumé type a file's content shows (never its name or the type the browser
 * claimed), or null when it is not a PDF or a Word document. file-type reads only the
 * bytes it needs from the start of the file.
 */
export async function sniffResumeType(file: Blob): Promise<ResumeContentType | null> {
  const found = await fileTypeFromBlob(file);
  if (!found) return null;
  if (found.mime === "application/x-cfb") return (await isWordCompoundFile(file)) ? "application/msword" : null;
  return isResumeContentType(found.mime) ? found.mime : null;
}

const WORD_STREAM_NAME = Buffer.from("WordDocument", "utf16le");

/**
 * A legacy Word file (.doc) is an OLE compound file, which file-type reports only as
 * `application/x-cfb`, like an old spreadsheet, slide deck or installer. Its directory
 * names each stream in UTF-16; a Word document has one called WordDocument. (The file is
 * already size-capped when this reads it whole.)
 */
async function isWordCompoundFile(file: Blob) {
  return Buffer.from(await file.arrayBuffer()).includes(WORD_STREAM_NAME);
}
