import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";

// With no SMTP server, the embedded outbox writes each message to DATA_DIR/outbox/ as
// `<when written>-<key>.eml`, the key made from its Message-ID. A file is found again from
// its outbox row by that key alone: the time in the name is when the file was written,
// which the row does not record exactly.

/** The part of a file's name that comes from the Message-ID: its letters, digits and hyphens (a random UUID for most messages). */
const fileKey = (messageId: string) => messageId.replace(/[^a-zA-Z0-9-]/g, "").slice(0, 36);
/** `2026-12-06T05-25-12-000Z-<key>.eml`: the ISO time with `:` and `.` made hyphens. */
const FILE_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(.+)\.eml$/;

export function outboxFolder(dataDir = getEnv().dataDir) {
  return path.join(dataDir, "outbox");
}

/** The name a message's `.eml` file is written under at `writtenAt`. */
export function outboxFileName(messageId: string, writtenAt: Date) {
  return `${writtenAt.toISOString().replace(/[:.]/g, "-")}-${fileKey(messageId)}.eml`;
}

function removeQuietly(file: string) {
  try {
    fs.rmSync(file, { force: true });
  } catch (error) {
    // Left for the next run's sweep of old files; the deletion in the database stands.
    console.error(error);
  }
}

/**
 * Removes the `.eml` files of these messages (a message retried after a crash may have
 * more than one). Files already gone, or no outbox folder at all (mail goes by SMTP), are
 * fine: running it twice does nothing the second time.
 */
export function removeOutboxFiles(messageIds: string[]) {
  const folder = outboxFolder();
  if (messageIds.length === 0 || !fs.existsSync(folder)) return;
  const keys = new Set(messageIds.map(fileKey));
  for (const name of fs.readdirSync(folder)) {
    const key = FILE_NAME.exec(name)?.[1];
    if (key !== undefined && keys.has(key)) removeQuietly(path.join(folder, name));
  }
}

/**
 * Removes every `.eml` file (and temporary file a crash left) last written before
 * `cutoff`, whether or not its row still exists: the outbox keeps no mail longer than
 * that, including a message whose row was deleted while it was being written.
 */
export function removeOutboxFilesOlderThan(cutoff: Date) {
  const folder = outboxFolder();
  if (!fs.existsSync(folder)) return;
  for (const name of fs.readdirSync(folder)) {
    if (!name.endsWith(".eml") && !name.endsWith(".eml.tmp")) continue;
    const file = path.join(folder, name);
    const stats = fs.statSync(file, { throwIfNoEntry: false });
    if (stats && stats.mtimeMs < cutoff.getTime()) removeQuietly(file);
  }
}
