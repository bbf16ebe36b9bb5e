import type { RunningPortal } from "./portal-server";

export default async function teardown() {
  await (globalThis as { portal?: RunningPortal }).portal?.stop();
}
