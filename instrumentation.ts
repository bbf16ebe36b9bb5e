/**
 * Runs once when the server starts, before it answers: every request gets its socket's
 * address stamped for the per-address limits, and the email queue's worker, the
 * newsletter's campaign sender and the daily maintenance (retention, expiry, backups)
 * live as long as the server.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { stampSocketAddresses } = await import("./lib/auth/socket-address");
  stampSocketAddresses();
  const { startEmailWorker } = await import("./lib/email/worker");
  startEmailWorker();
  const { startCampaignSender } = await import("./lib/newsletter/campaign-sender");
  startCampaignSender();
  const { startMaintenanceSchedule } = await import("./lib/maintenance/schedule");
  startMaintenanceSchedule();
}
