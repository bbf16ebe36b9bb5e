import "server-only";
import { claimDueEmails, markEmailFailed, markEmailForRetry, markEmailSent, redactExpiredEmailBodies } from "@/db/queries/email";
import { startBackgroundLoop, wakeBackgroundLoop } from "@/lib/background-loop";
import { getEnv } from "@/lib/env";
import { bouncedError, classifyDeliveryError, newsletterEmailsToBouncedAddresses, recordAddressReached, recordAddressRefusal, WITHHELD_ERROR } from "@/lib/newsletter/bounces";
import { createEmailTransport, SMTP_CONNECTIONS, type EmailTransport } from "./transport";

export const MAX_EMAIL_ATTEMPTS = 8;
const BATCH_SIZE = 20;
const POLL_MS = 1000;
const MAX_BACKOFF_MS = 60 * 60_000;

/** Exponential backoff: base, 2×base, 4×base… capped at an hour. */
export function retryDelay(attempts: number, baseMs: number) {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/** Sends what is due once; returns how many messages were taken from the queue. */
export async function deliverDueEmails(transport: EmailTransport, retryBaseMs: number, now = new Date()) {
  const { emailLeaseMs, bounceAfterTemporaryFailures } = getEnv();
  const claimed = claimDueEmails(now, BATCH_SIZE, emailLeaseMs);
  // A campaign copy whose address bounced after it was queued (or that staff requeued) is
  // not sent; mail someone asked for (a sign-in link, a confirmation) is always tried.
  const withheld = newsletterEmailsToBouncedAddresses(claimed.map((email) => email.id));
  for (const id of withheld) markEmailFailed(id, WITHHELD_ERROR);
  const deliver = async (email: (typeof claimed)[number]) => {
    try {
      await transport.send(email);
      markEmailSent(email.id);
      recordAddressReached(email.to);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const refusal = classifyDeliveryError(error);
      // Refused for good: retrying cannot help, and the address counts as bounced.
      if (refusal?.kind === "permanent") markEmailFailed(email.id, bouncedError(reason));
      else if (email.attempts >= MAX_EMAIL_ATTEMPTS) markEmailFailed(email.id, reason);
      else markEmailForRetry(email.id, reason, new Date(Date.now() + retryDelay(email.attempts, retryBaseMs)));
      // After the message is back in the queue: a bounce now withdraws it with the subscriber's other campaign copies.
      if (refusal) recordAddressRefusal(email.to, refusal, bounceAfterTemporaryFailures);
    }
  };
  // As many messages in flight as the SMTP pool has connections; each is marked on its own answer.
  const pending = claimed.filter((email) => !withheld.has(email.id));
  await Promise.all(
    Array.from({ length: SMTP_CONNECTIONS }, async () => {
      for (let email = pending.shift(); email; email = pending.shift()) await deliver(email);
    }),
  );
  return claimed.length;
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
