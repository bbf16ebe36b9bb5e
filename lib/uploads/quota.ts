import "server-only";
import type { Executor } from "@/db/queries/executor";
import { sumUploadBytes } from "@/db/queries/uploads";
import { getEnv } from "@/lib/env";
import { refusals } from "@/lib/model/errors";

/** Why `assertUploadFits` refuses. */
export type UploadRefusal = "upload_quota_full";
const refuse = refusals<UploadRefusal>();

export type UploadSpace = { usedBytes: number; quotaBytes: number; roomBytes: number };

/** The space uploads take against UPLOAD_QUOTA_MB, and what is left. */
export function uploadSpace(executor?: Executor): UploadSpace {
  const quotaBytes = getEnv().uploadQuotaBytes;
  const usedBytes = sumUploadBytes(executor);
  return { usedBytes, quotaBytes, roomBytes: Math.max(0, quotaBytes - usedBytes) };
}

/**
 * Inside the transaction that stores an upload's row: refuses (`conflict`,
 * `upload_quota_full`) a file that would take the uploads past the quota. The room read
 * before the body was a first check; two uploads that each fitted it alone meet here, one
 * transaction after the other.
 */
export function assertUploadFits(tx: Executor, sizeBytes: number) {
  const space = uploadSpace(tx);
  if (sizeBytes > space.roomBytes) throw refuse("conflict", "upload_quota_full");
}
