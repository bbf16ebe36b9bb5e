const probeOrigin = "http://portal.invalid";

/**
 * Where to go after signing in: a path inside the portal, never another site. The value
 * is read the way a browser reads a link (tabs and newlines dropped, `\\` taken as `/`),
 * so `/\t/evil.example` or `/\\evil.example` cannot become `//evil.example`; what comes back
 * is the normalised path.
 */
export function safeCallbackPath(value: unknown) {
  if (typeof value !== "string" || !value.startsWith("/")) return "/account";
  try {
    const url = new URL(value, probeOrigin);
    return url.origin === probeOrigin ? `${url.pathname}${url.search}${url.hash}` : "/account";
  } catch {
    return "/account";
  }
}
