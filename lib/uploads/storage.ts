import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { getEnv } from "@/lib/env";

// Files people send (applicants' résumés, staff's printed newsletter issues) live under
// DATA_DIR/uploads/, named by their upload id and nothing else: the name the sender gave
// never reaches a path. A file is written under a temporary name first and takes its final
// name only once its row is committed, so a final-named file always has (or had) a row.

const UPLOAD_ID = /^[0-9a-f]{32}$/;
/** The temporary name's ending: `<id>.part` until the file's row commits. */
export const PENDING_SUFFIX = ".part";

export const isUploadId = (value: string) => UPLOAD_ID.test(value);

export function uploadsFolder() {
  return path.join(getEnv().dataDir, "uploads");
}

/** Where a stored upload lives; throws for anything but an upload id, so no other path can be built from it. */
export function storedUploadPath(id: string) {
  if (!isUploadId(id)) throw new Error("Not an upload id");
  return path.join(uploadsFolder(), id);
}

export type PendingUpload = {
  id: string;
  sizeBytes: number;
  /** The written file as a Blob read from disk, for sniffing its type without holding it in memory. */
  blob: () => Promise<Blob>;
  /** Gives the file its final name: call after the transaction that stores its row commits. */
  keep: () => void;
  /** Removes the written file: call when anything fails before `keep`. */
  discard: () => void;
};

/** Writing an upload failed for want of disk space (or disk quota): the server's state, not the sender's mistake. */
export class UploadNoSpaceError extends Error {
  constructor(options?: ErrorOptions) {
    super("No disk space left to write the upload.", options);
    this.name = "UploadNoSpaceError";
  }
}

/**
 * Writes `file` (a Blob, or a stream such as a request's file part) under a new random id
 * with a temporary name, refusing (and removing what was written) past `maxBytes`
 * whatever size the sender announced, or when the disk is full (`UploadNoSpaceError`).
 */
export async function writePendingUpload(file: Blob | Readable, maxBytes: number): Promise<PendingUpload> {
  fs.mkdirSync(uploadsFolder(), { recursive: true });
  const id = randomBytes(16).toString("hex");
  const finalPath = storedUploadPath(id);
  const pendingPath = `${finalPath}${PENDING_SUFFIX}`;
  const discard = () => fs.rmSync(pendingPath, { force: true });
  let sizeBytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sizeBytes += chunk.length;
      callback(sizeBytes > maxBytes ? new Error("upload_too_large") : null, chunk);
    },
  });
  const sink = fs.createWriteStream(pendingPath, { flags: "wx", mode: 0o600 });
  try {
    const source = file instanceof Readable ? file : Readable.fromWeb(file.stream() as WebReadableStream<Uint8Array>);
    await pipeline(source, limit, sink);
  } catch (error) {
    // A source that fails at once can beat the file's opening: removed before the stream
    // closes, the file would be created again behind our back and left over.
    if (!sink.closed) await new Promise<void>((resolve) => sink.once("close", () => resolve()));
    discard();
    // A full disk (or quota) is the server's state, not the sender's mistake: callers say so on the file's field.
    if ((error as NodeJS.ErrnoException).code === "ENOSPC" || (error as NodeJS.ErrnoException).code === "EDQUOT") throw new UploadNoSpaceError({ cause: error });
    throw error;
  }
  return { id, sizeBytes, blob: () => fs.openAsBlob(pendingPath), keep: () => keepCommittedPending(pendingPath, finalPath), discard };
}

/**
 * Removes stored files by upload id; a file already gone is fine. One that cannot be
 * removed is logged and left for the next run's sweep of files without a row.
 */
export function removeStoredUploads(ids: string[]) {
  for (const id of ids) {
    try {
      fs.rmSync(storedUploadPath(id), { force: true });
    } catch (error) {
      console.error(error);
    }
  }
}

/**
 * Files a crash left behind. A temporary file whose row exists was fully written before
 * its row committed, and only the rename after the commit was lost: it takes its final
 * name, so the committed application keeps its résumé. Other temporary files older than
 * `pendingOlderThanMs` (their request is long over) and final-named files whose row is
 * gone are removed. The ids with a row are read after the folder is listed: a file is
 * renamed to its id only after its row commits, so every final-named file listed has its
 * row in what is read then, even while the server is taking applications.
 */
export function removeLeftoverUploads(readKnownIds: () => Set<string>, now: Date, pendingOlderThanMs: number) {
  const folder = uploadsFolder();
  if (!fs.existsSync(folder)) return;
  const names = fs.readdirSync(folder);
  const known = readKnownIds();
  for (const name of names) {
    const file = path.join(folder, name);
    const pendingId = name.endsWith(PENDING_SUFFIX) ? name.slice(0, -PENDING_SUFFIX.length) : null;
    if (pendingId !== null && isUploadId(pendingId)) {
      if (known.has(pendingId)) keepCommittedPending(file, path.join(folder, pendingId));
      else if (modifiedBefore(file, now.getTime() - pendingOlderThanMs)) fs.rmSync(file, { force: true });
    } else if (isUploadId(name) && !known.has(name)) {
      fs.rmSync(file, { force: true });
    }
  }
}

/**
 * Gives a committed upload's temporary file its final name. The request that wrote it and
 * the start-up sweep may both try: whichever comes second finds the final name taken.
 */
function keepCommittedPending(pendingPath: string, finalPath: string) {
  try {
    fs.renameSync(pendingPath, finalPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || !fs.existsSync(finalPath)) throw error;
  }
}

/** Whether a file was last written before `time`; false when it is gone meanwhile (renamed or removed). */
function modifiedBefore(file: string, time: number) {
  const stats = fs.statSync(file, { throwIfNoEntry: false });
  return stats !== undefined && stats.mtimeMs < time;
}
