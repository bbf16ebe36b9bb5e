import "server-only";
import { claimDueEmails, markEmailFailed, markEmailForRetry, markEmailSent, redactExpiredEmailBodies } from "@/db/queries/email";
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

type WorkerState = { timer?: NodeJS.Timeout; running: boolean; again: boolean; transport?: EmailTransport };
const globalForWorker = globalThis as unknown as { coopEmailWorker?: WorkerState };

async function tick(state: WorkerState) {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    const env = getEnv();
    state.transport ??= createEmailTransport(env);
    do {
      state.again = false;
      while ((await deliverDueEmails(state.transport, env.emailRetryBaseMs)) === BATCH_SIZE);
    } while (state.again);
    redactExpiredEmailBodies(new Date());
  } catch (error) {
    console.error("[email] worker:", error);
  } finally {
    state.running = false;
  }
}

/** Starts the one worker of this process (from instrumentation.ts); later calls do nothing. */
export function startEmailWorker() {
  if (globalForWorker.coopEmailWorker) return;
  const state: WorkerState = { running: false, again: false };
  globalForWorker.coopEmailWorker = state;
  state.timer = setInterval(() => void tick(state), POLL_MS);
  state.timer.unref();
  void tick(state);
}

/** Sends newly queued mail now rather than at the next poll. */
export function wakeEmailWorker() {
  const state = globalForWorker.coopEmailWorker;
  if (state) setImmediate(() => void tick(state));
}
