import { startPortal, temporaryDataDir, type RunningPortal } from "./portal-server";

/** One portal for the whole project; tests find it through PORTAL_URL and PORTAL_DATA_DIR. */
export default async function setup() {
  const portal = await startPortal({ dataDir: temporaryDataDir("http") });
  process.env.PORTAL_URL = portal.url;
  process.env.PORTAL_DATA_DIR = portal.dataDir;
  (globalThis as { portal?: RunningPortal }).portal = portal;
}
