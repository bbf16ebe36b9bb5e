import path from "node:path";
import { startPortal, temporaryDataDir } from "./portal-server";
import { startSmtpReceiver } from "./smtp-receiver";

/**
 * One portal for the whole project, sending its mail over SMTP to a real receiver.
 * Tests find them through PORTAL_URL, PORTAL_DATA_DIR and PORTAL_MAIL_DIR.
 */
export default async function setup() {
  const dataDir = temporaryDataDir("portal");
  const receiver = await startSmtpReceiver({ folder: path.join(dataDir, "received-mail") });
  const portal = await startPortal({
    dataDir,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${receiver.port}`,
      MAIL_FROM: "Co-op portal <portal@coop.example>",
      DEMO: "1",
      // Every test signs in and sends forms from 127.0.0.1; the limits are proven on portals of their own.
      SIGNIN_LIMIT_PER_IP: "10000",
      PUBLIC_FORM_LIMIT_PER_IP: "10000",
      PUBLIC_FORM_LIMIT_TOTAL_PER_HOUR: "1000000",
    },
  });
  process.env.PORTAL_URL = portal.url;
  process.env.PORTAL_DATA_DIR = portal.dataDir;
  process.env.PORTAL_MAIL_DIR = receiver.folder;
  Object.assign(globalThis, { portal, receiver });
}
