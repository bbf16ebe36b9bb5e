import path from "node:path";
import { mailingPortalEnv, prepareTemplateDataDir, startPortal, temporaryDataDir, type RunningPortal } from "./portal-server";
import { openRunFolder } from "./run-folder";
import { startSmtpReceiver, type SmtpReceiver } from "./smtp-receiver";

const laneVariables = ["PORTAL_URL", "PORTAL_DATA_DIR", "PORTAL_MAIL_DIR"] as const;

/**
 * One shared portal per jest worker, each sending its mail over SMTP to a real receiver:
 * test files run one at a time on their worker's portal (helpers/portal-lane.ts points
 * PORTAL_URL, PORTAL_DATA_DIR and PORTAL_MAIL_DIR at it), so that what one file counts
 * (rows, mail) no other file changes meanwhile, while two workers use both cores. First
 * the build and the demo database every demo portal of the run starts from.
 */
export default async function setup(globalConfig: { maxWorkers?: number }) {
  openRunFolder();
  prepareTemplateDataDir();
  const lanes = Math.max(1, globalConfig.maxWorkers ?? 1);
  const started: { portal: RunningPortal; receiver: SmtpReceiver }[] = [];
  for (let lane = 1; lane <= lanes; lane++) {
    const dataDir = temporaryDataDir(`portal-${lane}`);
    const receiver = await startSmtpReceiver({ folder: path.join(dataDir, "received-mail") });
    const portal = await startPortal({
      dataDir,
      env: mailingPortalEnv(receiver.port),
    });
    started.push({ portal, receiver });
    const values = [portal.url, portal.dataDir, receiver.folder];
    laneVariables.forEach((name, index) => (process.env[`${name}_${lane}`] = values[index]));
  }
  // Run in band, the one test process is lane 1.
  laneVariables.forEach((name) => (process.env[name] = process.env[`${name}_1`]));
  Object.assign(globalThis, { lanes: started });
}
