import "server-only";
import { once } from "node:events";
import busboy, { type BusboyFileStream } from "next/dist/compiled/busboy";
import { UploadNoSpaceError, writePendingUpload, type PendingUpload } from "@/lib/uploads/storage";

/**
 * Room in a body for an upload form's text besides its file: the longest (the job
 * application, about 31,000 characters) at up to 3 bytes a character, with each part's
 * headers. A body past the file's cap plus this is read no further.
 */
export const TEXT_ROOM_BYTES = 256 * 1024;

/**
 * No text field of an upload form takes more than 20,000 characters (60,000 bytes at
 * most): a longer value is cut here, and its field's own length rule still refuses it.
 */
const FIELD_MAX_BYTES = 64 * 1024;

export type FileRefusal = "too_large" | "over_quota" | "no_space";

/**
 * Whether a body's declared length is over what a form with a file of at most
 * `maxFileBytes` can take: its file is then too large whatever it holds, and a sender who
 * can take the answer at once (the page's script) gets it without a byte being read.
 */
export function declaresMoreThanCap(request: Request, maxFileBytes: number) {
  const declared = Number(request.headers.get("content-length"));
  return Number.isFinite(declared) && declared > maxFileBytes + TEXT_ROOM_BYTES;
}

export type ReceivedFile = {
  /** The name the sender's computer gave it. */
  name: string;
  /** The bytes received: one past the limit when the file went over it (the rest was not kept). */
  size: number;
  /** The file under its temporary name; null when it was not kept (refused, or empty). */
  pending: PendingUpload | null;
  refusal?: FileRefusal;
};

export type ReceivedForm = {
  /** The text fields, the first value of each name. */
  fields: Record<string, string>;
  /** The file field's file; null when none was chosen. */
  file: ReceivedFile | null;
  /** The body went past its cap (or its text past TEXT_ROOM_BYTES): reading stopped there, and the rest was never read. */
  cutOff: boolean;
};

/** What was typed into a form's own fields (`names`), to show again: nothing else a body carried. */
export function typedValues(form: ReceivedForm, names: string[]) {
  return Object.fromEntries(names.filter((name) => typeof form.fields[name] === "string").map((name) => [name, form.fields[name]!]));
}

/**
 * Reads a multipart form with one file field as it arrives (busboy, as Next's own server
 * actions do): text fields into memory, each at most FIELD_MAX_BYTES, and the file
 * straight to disk under a temporary name, kept only up to `maxFileBytes` and the room
 * left under the uploads' quota (`roomBytes`). Reading stops past `maxFileBytes` +
 * TEXT_ROOM_BYTES: nothing beyond is read, buffered or written. Returns null for a body
 * that is not a readable multipart form. The caller keeps or discards `file.pending`.
 */
export async function readUploadForm(request: Request, options: { fileField: string; maxFileBytes: number; roomBytes: number }): Promise<ReceivedForm | null> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const fileLimit = Math.min(options.maxFileBytes, options.roomBytes);
  let parser: ReturnType<typeof busboy>;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      // One past the limit: a file that reaches it is known to be over it.
      limits: { fileSize: fileLimit + 1, files: 1, fields: 50, parts: 60, fieldSize: FIELD_MAX_BYTES },
    });
  } catch {
    return null;
  }

  const fields: Record<string, string> = Object.create(null);
  let receiving: Promise<ReceivedFile> | undefined;
  /** Set when the file's writing failed and reading stopped with it. */
  let stopped = false;
  /** Set when the text fields went past TEXT_ROOM_BYTES. */
  let textOverflow = false;
  let textBytes = 0;
  parser.on("field", (name, value) => {
    // Text past the form's room makes the form too large: reading stops there, as at the cap.
    textBytes += Buffer.byteLength(name) + Buffer.byteLength(value);
    if (textBytes > TEXT_ROOM_BYTES) {
      textOverflow = true;
      parser.destroy();
      return;
    }
    if (!(name in fields)) fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    // A file input left empty posts a part without a file name or content: no file. Other
    // file parts are read past, nothing kept.
    if (name !== options.fileField || receiving || !info.filename) return void stream.resume();
    receiving = receiveFile(stream, info.filename, {
      limit: fileLimit,
      maxFileBytes: options.maxFileBytes,
      parserEnded: () => parser.destroyed,
      stopReading: () => {
        stopped = true;
        parser.destroy();
      },
    });
  });
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on("close", () => resolve());
    parser.on("error", reject);
  });
  parsed.catch(() => {});

  const cap = options.maxFileBytes + TEXT_ROOM_BYTES;
  // The request's body is read chunk by chunk, never cancelled: cancelling it would close
  // the connection before the answer could be sent. What is left unread is the answer's
  // to settle (answer-upload-form.ts).
  const reader = request.body.getReader();
  let received = 0;
  let cutOff = false;
  let pumpFailed = false;
  try {
    while (!parser.destroyed) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > cap) {
        cutOff = true;
        break;
      }
      if (!parser.write(value)) await Promise.race([once(parser, "drain"), parsed]);
    }
  } catch {
    pumpFailed = true;
  } finally {
    reader.releaseLock();
  }
  if (cutOff || pumpFailed || stopped) parser.destroy();
  else parser.end();
  const parseFailed = await parsed.then(
    () => false,
    () => true,
  );
  const file = receiving ? await receiving : null;
  cutOff ||= textOverflow;
  // A body the parser cannot read, or a sender who went away; not one cut off at its cap, or stopped with its file.
  if ((pumpFailed || parseFailed) && !cutOff && !stopped) {
    file?.pending?.discard();
    return null;
  }
  if (file && !file.pending && !file.refusal && cutOff) file.refusal = "too_large";
  return { fields, file, cutOff };
}

/**
 * Streams a file part to disk. Past `limit` the parser stops passing it on (its
 * `truncated` flag): the written part is removed and the file refused as too large or
 * over the quota, whichever limit was the lower. When writing fails (a full disk), the
 * whole form's reading stops: the parser would otherwise wait forever on a file stream
 * nobody reads (and the file field is the form's last).
 */
async function receiveFile(
  stream: BusboyFileStream,
  name: string,
  options: { limit: number; maxFileBytes: number; parserEnded: () => boolean; stopReading: () => void },
): Promise<ReceivedFile> {
  let pending: PendingUpload;
  try {
    pending = await writePendingUpload(stream, options.limit + 1);
  } catch (error) {
    if (error instanceof UploadNoSpaceError) {
      options.stopReading();
      return { name, size: 0, pending: null, refusal: "no_space" };
    }
    // The parser ended the part early: the body was cut off or malformed (readUploadForm tells which).
    if (options.parserEnded()) return { name, size: 0, pending: null };
    options.stopReading();
    throw error;
  }
  if (stream.truncated) {
    pending.discard();
    return { name, size: pending.sizeBytes, pending: null, refusal: options.limit < options.maxFileBytes ? "over_quota" : "too_large" };
  }
  if (pending.sizeBytes === 0) {
    pending.discard();
    return { name, size: 0, pending: null };
  }
  return { name, size: pending.sizeBytes, pending };
}
