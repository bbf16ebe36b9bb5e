import "server-only";
import { claimDueEmails, markEmailFailed, markEmailForRetry, markEmailSent, redactExpiredEmailBodies } from "@/db/queries/email";
import { startBackgroundLoop, wakeBackgroundLoop } from "@/lib/background-loop";
import { getEnv } from "@/lib/env";
import { createEmailTransport, SMTP_CONNECTIONS, type EmailTransport } from "./transport";

export const MAX_EMAIL_ATTEMPTS = 8;
const BATCH_SIZE = 20;
const POLL_MS = 1000;
const MAX_BACKOFF_MS = 60 * 60_000;

/** Exponential backoff: base, 2×base, 4×base… capped at an hour. */
export function retryDelay(attempts: number, baseMs: number) {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/** Sends what is due once; returns how many messages were handed to the transport. */
export async function deliverDueEmails(transport: EmailTransport, retryBaseMs: number, now = new Date()) {
  const batch = claimDueEmails(now, BATCH_SIZE, getEnv().emailLeaseMs);
  const deliver = async (email: (typeof batch)[number]) => {
    try {
      await transport.send(email);
      markEmailSent(email.id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (email.attempts >= MAX_EMAIL_ATTEMPTS) markEmailFailed(email.id, reason);
      else markEmailForRetry(email.id, reason, new Date(Date.now() + retryDelay(email.attempts, retryBaseMs)));
    }
  };
  // As many messages in flight as the SMTP pool has connections; each is marked on its own answer.
  const pending = [...batch];
  await Promise.all(
    Array.from({ length: SMTP_CONNECTIONS }, async () => {
      for (let email = pending.shift(); email; email = pending.shift()) await deliver(email);
    }),
  );
  return batch.length;
}

/** The worker's name in the log, and the loop `wakeEmailWorker` wakes. */
const LOOP_NAME = "[email] worker";

/** Starts the one worker of this process (from instrumentation.ts); later calls do nothing. */
export function startEmailWorker() {
  let transport: EmailTransport | undefined;
  startBackgroundLoop(LOOP_NAME, POLL_MS, async () => {
    const env = getEnv();
    transport ??= createEmailTransport(env);
    while ((await deliverDueEmails(transport, env.emailRetryBaseMs)) === BATCH_SIZE);
    redactExpiredEmailBodies(new Date());
  });
}

/** Sends newly queued mail now rather than at the next poll. */
export function wakeEmailWorker() {
  wakeBackgroundLoop(LOOP_NAME);
}
