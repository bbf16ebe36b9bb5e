import { createEmailTransport } from "@/lib/email/transport";
import { deliverDueEmails } from "@/lib/email/worker";
import { getEnv } from "@/lib/env";

/** Sends everything the queue holds now, through the embedded outbox (each message an .eml file), as the worker would. */
export async function deliverQueuedEmail() {
  const transport = createEmailTransport({ ...getEnv(), demo: false });
  while ((await deliverDueEmails(transport, 1000)) > 0);
}
