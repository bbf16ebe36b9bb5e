/**
 * Runs once when the server starts, before it answers: every request gets its socket's
 * address stamped for the per-address limits, a server action declaring a body over the
 * actions' limit is refused before it is read, and the email queue's worker, the
 * newsletter's campaign sender, the opener of elections whose window has begun and the
 * daily maintenance (retention, expiry, backups) live as long as the server.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { stampSocketAddresses } = await import("./lib/auth/socket-address");
  stampSocketAddresses();
  const { refuseOversizedActionBodies } = await import("./lib/http/oversized-actions");
  refuseOversizedActionBodies();
  const { startEmailWorker } = await import("./lib/email/worker");
  startEmailWorker();
  const { startCampaignSender } = await import("./lib/newsletter/campaign-sender");
  startCampaignSender();
  const { startElectionOpener } = await import("./lib/elections/open-election");
  startElectionOpener();
  const { startMaintenanceSchedule } = await import("./lib/maintenance/schedule");
  startMaintenanceSchedule();
}
