// @ts-check
/**
 * The security headers, in one place for both kinds of page (see docs/security.md, "CSP by kind of
 * page"). CommonJS so that next.config.js can require it as well as proxy.ts importing it.
 *
 * - Private and sign-in pages (`privatePathPrefixes`) are rendered per request anyway, so
 *   proxy.ts gives each response a fresh nonce: scripts run only with that nonce
 *   ('strict-dynamic' lets them load Next's chunks).
 * - Every other response, prerendered public pages above all, gets one fixed policy from
 *   next.config.js. A prerendered document is the same bytes for every visitor, so it
 *   cannot carry a per-request nonce: Next's inline bootstrap scripts need
 *   'unsafe-inline'. Everything else stays as strict as on private pages.
 */

/** Paths whose pages read the session: per-request nonce, never cached. */
const privatePathPrefixes = ["/staff", "/account", "/login"];

/** HSTS is only meaningful, and only safe to send, when the site is served over https. */
const strictTransportSecurity = "max-age=63072000; includeSubDomains";

/**
 * @param {{ nonce?: string, dev: boolean, https: boolean }} options
 *   `nonce` for a per-request policy; without it, the fixed policy of public pages.
 */
function contentSecurityPolicy({ nonce, dev, https }) {
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
const nonDocumentPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * The route handlers' addresses (feeds, files, JSON), for proxy.ts; next.config.js lists
 * the public ones as `nonDocumentSources`. __tests__/http/forged-requests.test.ts finds
 * every route handler on disk and checks that it answers with this policy.
 */
const nonDocumentPatterns = [
  /\.(xml|txt|csv)$/,
  /^\/api\//,
  /^\/newsletter\/issues\/[^/]+$/,
  /^\/newsletter\/unsubscribe\/one-click$/,
  /^\/staff\/owners\/applications\/[^/]+\/pdf$/,
  /^\/staff\/jobs\/applicants\/[^/]+\/resume$/,
];

/**
 * The public ones among them as next.config.js `headers()` sources (path-to-regexp);
 * next.config.js adds the `.xml`, `.txt` and `.csv` addresses outside the private paths.
 */
const nonDocumentSources = [
  "/api/:path*",
  "/newsletter/issues/:slug",
  "/newsletter/unsubscribe/one-click",
];

/**
 * Whether `pathname` is answered by a route handler with something other than a page.
 * @param {string} pathname
 */
function isNonDocumentPath(pathname) {
  return nonDocumentPatterns.some((pattern) => pattern.test(pathname));
}

/** 128 random bits, base64: a nonce nobody can predict. */
function newNonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Whether `pathname` is a private or sign-in page (proxy.ts sets its CSP).
 * @param {string} pathname
 */
function isPrivatePath(pathname) {
  return privatePathPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

module.exports = {
  contentSecurityPolicy,
  isNonDocumentPath,
  isPrivatePath,
  newNonce,
  nonDocumentPolicy,
  nonDocumentSources,
  privatePathPrefixes,
  strictTransportSecurity,
};
