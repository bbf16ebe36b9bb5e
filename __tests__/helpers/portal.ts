/** The portal started by the project's global setup. */
export function portalUrl(path = "/") {
  const base = process.env.PORTAL_URL;
  if (!base) throw new Error("PORTAL_URL is not set: run this suite through its jest project");
  return new URL(path, base).toString();
}

export function portalDataDir() {
  const dir = process.env.PORTAL_DATA_DIR;
  if (!dir) throw new Error("PORTAL_DATA_DIR is not set: run this suite through its jest project");
  return dir;
}
