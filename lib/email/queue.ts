import "server-only";
import type { Executor } from "@/db/queries/executor";
import { insertQueuedEmail, insertQueuedEmails, type QueuedEmail } from "@/db/queries/email";
import { getEnv } from "@/lib/env";

/**
 * Queues an email inside the caller's transaction: it is sent only if that transaction
 * commits, and it survives a crash or an SMTP outage. Call wakeEmailWorker() after the
 * commit to send it without waiting for the next poll.
 */
export function queueEmail(executor: Executor, email: QueuedEmail) {
  return insertQueuedEmail(executor, email, new URL(getEnv().siteUrl).hostname);
}

/** Queues many messages at once inside the caller's transaction (see queueEmail). */
export function queueEmails(executor: Executor, emails: QueuedEmail[]) {
  insertQueuedEmails(executor, emails, new URL(getEnv().siteUrl).hostname);
}

export { wakeEmailWorker } from "./worker";
