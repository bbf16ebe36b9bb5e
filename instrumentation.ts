/** Runs once when the server starts: the email queue's worker lives as long as the server. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startEmailWorker } = await import("./lib/email/worker");
  startEmailWorker();
}
