import "server-only";
import { sql } from "drizzle-orm";
import { db } from "../index";
import { uploads } from "../schema";
import type { Executor } from "./executor";

/**
 * The bytes all stored uploads take, by their rows: a file is counted once its row
 * commits, which is also when it takes its final name (temporary files are a request's
 * own, removed or promoted within it).
 */
export function sumUploadBytes(executor: Executor = db) {
  return executor.select({ bytes: sql<number>`coalesce(sum(${uploads.sizeBytes}), 0)` }).from(uploads).get()!.bytes;
}

/** How many uploads are stored. */
export function countUploads(executor: Executor = db) {
  return executor.select({ n: sql<number>`count(*)` }).from(uploads).get()!.n;
}

/** Every stored upload's id, to tell a file on disk that lost its row. */
export function listUploadIds(executor: Executor) {
  return new Set(executor.select({ id: uploads.id }).from(uploads).all().map((row) => row.id));
}
