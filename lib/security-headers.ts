/**
 * The security headers, in one place for every kind of response (see docs/security.md, "CSP
 * by kind of page").
 *
 * - Private and sign-in pages (`privatePathPrefixes`) are rendered per request anyway, so
 *   proxy.ts gives each response a fresh nonce: scripts run only with that nonce
 *   ('strict-dynamic' lets them load Next's chunks).
 * - Every other response, prerendered public pages above all, gets one fixed policy
 *   (`fixedSecurityHeaders`, sent by lib/http/stamp-security-headers.ts). A prerendered
 *   document is the same bytes for every visitor, so it cannot carry a per-request nonce:
 *   Next's inline bootstrap scripts need 'unsafe-inline'. Everything else stays as strict
 *   as on private pages.
 */

/** Paths whose pages read the session: per-request nonce, never cached. */
export const privatePathPrefixes = ["/staff", "/account", "/login"];

/** HSTS is only meaningful, and only safe to send, when the site is served over https. */
export const strictTransportSecurity = "max-age=63072000; includeSubDomains";

export type PolicyOptions = { dev: boolean; https: boolean };

/** `nonce` for a per-request policy; without it, the fixed policy of public pages. */
export function contentSecurityPolicy({ nonce, dev, https }: PolicyOptions & { nonce?: string }) {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
  const directives = [
    "default-src 'self'",
    // 'unsafe-eval' only in development, where React's tooling needs it.
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes are needed by React and carry no script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * Feeds, files and JSON are not pages: nothing in them is meant to run or load, so their
 * policy allows nothing, and `sandbox` keeps a browser that renders one anyway (an RSS
 * item, a PDF, a CSV cell) from running script or posting forms as this origin.
 */
export const nonDocumentPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * The route handlers' addresses (feeds, files, JSON).
 * __tests__/http/forged-requests.test.ts finds every route handler on disk and checks that
 * it answers with `nonDocumentPolicy`.
 */
const nonDocumentPatterns = [
  /\.(xml|txt|csv)$/,
  /^\/api\//,
  /^\/newsletter\/issues\/[^/]+$/,
  /^\/newsletter\/unsubscribe\/one-click$/,
  /^\/staff\/owners\/applications\/[^/]+\/pdf$/,
  /^\/staff\/jobs\/applicants\/[^/]+\/resume$/,
];

/** Whether `pathname` is answered by a route handler with something other than a page. */
export function isNonDocumentPath(pathname: string) {
  return nonDocumentPatterns.some((pattern) => pattern.test(pathname));
}

/** 128 random bits, base64: a nonce nobody can predict. */
export function newNonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

const privateFolders = privatePathPrefixes.map((prefix) => `${prefix}/`);

/** Whether `pathname` is a private or sign-in page (proxy.ts sets its CSP). Runs on every request. */
export function isPrivatePath(pathname: string) {
  for (let i = 0; i < privatePathPrefixes.length; i++) {
    if (pathname === privatePathPrefixes[i] || pathname.startsWith(privateFolders[i]!)) return true;
  }
  return false;
}

export type HeaderList = readonly (readonly [name: string, value: string])[];

/** What every response carries, whatever its path. */
const everywhere: HeaderList = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Frame-Options", "DENY"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
];

/**
 * The fixed headers of a response to `pathname`, chosen per request from lists built once.
 * A private or sign-in path gets only the headers every response carries: proxy.ts adds
 * its per-request CSP and HSTS, so that each answer has exactly one policy.
 */
export function fixedSecurityHeaders(options: PolicyOptions) {
  const https: HeaderList = options.https ? [["Strict-Transport-Security", strictTransportSecurity]] : [];
  const page: HeaderList = [...everywhere, ["Content-Security-Policy", contentSecurityPolicy(options)], ...https];
  const nonDocument: HeaderList = [...everywhere, ["Content-Security-Policy", nonDocumentPolicy], ...https];
  return (pathname: string): HeaderList => {
    if (isPrivatePath(pathname)) return everywhere;
    return isNonDocumentPath(pathname) ? nonDocument : page;
  };
}
