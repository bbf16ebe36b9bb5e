// Runs before each http test file: the helpers (portalUrl, portalDataDir, portalMailDir)
// speak to this jest worker's own shared portal (helpers/portal-global-setup.ts).
const lane = process.env.JEST_WORKER_ID ?? "1";
for (const name of ["PORTAL_URL", "PORTAL_DATA_DIR", "PORTAL_MAIL_DIR"]) {
  const value = process.env[`${name}_${lane}`];
  if (value) process.env[name] = value;
}
