/**
 * `npm run db:maintain`: the housekeeping the server also runs every day by itself
 * (retention and expiry; the daily backup is the server's, `npm run db:backup` takes one
 * by hand), for running it now.
 */
import { maintenanceMessage, runMaintenance } from "@/lib/maintenance/run-maintenance";
import { getEnv } from "@/lib/env";
import { db } from "../index";

void runMaintenance(db, { dataDir: getEnv().dataDir, backupKeep: getEnv().backupKeep, trigger: "command" }).then((report) => {
  console.log(maintenanceMessage(report));
});
