import { startPortal, temporaryDataDir } from "./portal-server";

/** The browser suite's portal: no SMTP, so mail lands in DATA_DIR/outbox as a person running `npm start` sees it. */
export default async function setup() {
  const portal = await startPortal({ dataDir: temporaryDataDir("browser"), env: { DEMO: "1" } });
  process.env.PORTAL_URL = portal.url;
  process.env.PORTAL_DATA_DIR = portal.dataDir;
  Object.assign(globalThis, { portal });
}
