/**
 * Runs once when the server starts, before it answers: every request gets its socket's
 * address stamped for the per-address limits and every response its security headers, a
 * server action declaring a body over the actions' limit is refused before it is read
 * (lib/http/request-hooks.ts), and the email queue's worker, the newsletter's campaign
 * sender, the opener of elections whose window has begun and the daily maintenance
 * (retention, expiry, backups) live as long as the server.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { installRequestHooks } = await import("./lib/http/request-hooks");
  installRequestHooks();
  const { startEmailWorker } = await import("./lib/email/worker");
  startEmailWorker();
  const { startCampaignSender } = await import("./lib/newsletter/campaign-sender");
  startCampaignSender();
  const { startElectionOpener } = await import("./lib/elections/open-election");
  startElectionOpener();
  const { startMaintenanceSchedule } = await import("./lib/maintenance/schedule");
  startMaintenanceSchedule();
}
