import type { RunningPortal } from "./portal-server";
import type { SmtpReceiver } from "./smtp-receiver";

type Started = { portal?: RunningPortal; receiver?: SmtpReceiver };

export default async function teardown() {
  const { portal, receiver, lanes = [] } = globalThis as Started & { lanes?: Started[] };
  for (const started of [{ portal, receiver }, ...lanes]) {
    await started.portal?.stop();
    await started.receiver?.stop();
  }
}
