import type { RunningPortal } from "./portal-server";
import type { SmtpReceiver } from "./smtp-receiver";

export default async function teardown() {
  const { portal, receiver } = globalThis as { portal?: RunningPortal; receiver?: SmtpReceiver };
  await portal?.stop();
  await receiver?.stop();
}
