import "server-only";
import { db } from "@/db";
import { getEnv } from "@/lib/env";
import { maintenanceMessage, runMaintenance } from "./run-maintenance";

const DAY_MS = 86_400_000;

const globalForSchedule = globalThis as unknown as { coopMaintenanceSchedule?: NodeJS.Timeout };

/**
 * Runs maintenance inside the server: once at start, then whenever a day has passed since
 * the last run that succeeded (looked at every MAINTENANCE_CHECK_MS), so a server left
 * running for months keeps every deletion period the portal states. The day is measured
 * on the clock (`Date`), so it holds across a machine's sleep; a run that fails, or whose
 * backup fails, is tried again at the next look.
 */
export function startMaintenanceSchedule() {
  if (globalForSchedule.coopMaintenanceSchedule) return;
  const env = getEnv();
  let lastRunAt: number | null = null;
  let running = false;

  const look = async () => {
    if (running || (lastRunAt !== null && Date.now() - lastRunAt < DAY_MS)) return;
    running = true;
    const startedAt = Date.now();
    try {
      const report = await runMaintenance(db, { dataDir: env.dataDir, backupKeep: env.backupKeep, trigger: "schedule" });
      if (report.backupError) console.error(maintenanceMessage(report));
      else {
        lastRunAt = startedAt;
        console.log(maintenanceMessage(report));
      }
    } catch (error) {
      console.error("Maintenance failed; it runs again at the next check:", error);
    } finally {
      running = false;
    }
  };

  globalForSchedule.coopMaintenanceSchedule = setInterval(() => void look(), env.maintenanceCheckMs);
  globalForSchedule.coopMaintenanceSchedule.unref();
  void look();
}
