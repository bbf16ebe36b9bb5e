// @ts-check
const { PHASE_DEVELOPMENT_SERVER } = require("next/constants");
const { contentSecurityPolicy, nonDocumentPolicy, nonDocumentSources, privatePathPrefixes, strictTransportSecurity } = require("./lib/security-headers.js");

const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
];

// Every path but the private and sign-in ones, whose CSP (with a per-request nonce)
// proxy.ts sets: one Content-Security-Policy header per response, never two.
const notPrivate = privatePathPrefixes.map((prefix) => `${prefix.slice(1)}(?:/|$)`).join("|");
const publicPaths = `/((?!${notPrivate}).*)`;

/**
 * Headers are compiled into the build (routes manifest), so the https-only ones follow
 * the SITE_URL of the build; `npm start` rebuilds when SITE_URL moves between http and
 * https (lib/cli/build-freshness.ts).
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
module.exports = (phase) => {
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  const https = (process.env.SITE_URL ?? "").startsWith("https:");
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    // Next computes a page's ETag by hashing its whole body in JavaScript on every
    // response, cached or not: measured at a quarter of a cached page's cost, and up to a
    // third on the long monograph pages. Public pages change by tag at any time, so
    // browsers revalidate them anyway; without a validator they download the page again
    // (8–15 KB compressed) instead of getting a 304. A CDN in front adds its own.
    generateEtags: false,
    // better-sqlite3 is a native module: load it from node_modules at run time, never bundle it.
    serverExternalPackages: ["better-sqlite3"],
    // `feed` ships only as an ES module: listed here, next/jest compiles it for the unit
    // tests of lib/rss.ts as the build does (Jest runs CommonJS).
    transpilePackages: ["feed"],
    // The data and page cache lives in this process's memory, so it always reflects the
    // database under DATA_DIR that this server opened (see lib/cache/memory-cache-handler.js).
    cacheHandler: require.resolve("./lib/cache/memory-cache-handler.js"),
    cacheMaxMemorySize: 0,
    // How long a shared cache may serve a public page stale while it refetches
    // (stale-while-revalidate = expireTime − revalidate; see app/layout.tsx).
    expireTime: 360,
    // `npm test` type-checks the whole project (tests included) with tsc; the build does
    // not repeat that work on every `npm start` after a change.
    typescript: { ignoreBuildErrors: true },
    experimental: {
      // forbidden() answers 403 from a page (staff pages for members) without a redirect.
      authInterrupts: true,
      // The largest file a form sends is an issue of The Rutabaga Rap, a PDF of up to
      // 20 MB (lib/newsletter/vocabulary.ts), plus the form's other fields; a résumé is
      // up to 5 MB (lib/jobs/vocabulary.ts). Next refuses action bodies over 1 MB by
      // default with a bare 413. This limit applies to EVERY server action, public ones
      // included (Next has no per-action limit): any action may be sent a body this big,
      // which Next holds in memory while parsing. Under it, a file over its own limit
      // gets an error at its field; beyond it (which the forms' scripts stop before
      // sending) Next's 413 stands.
      serverActions: { bodySizeLimit: "21mb" },
      // proxy.ts runs on /staff/**, where the issue upload is posted, and Next hands the
      // proxy at most 10 MB of a body by default: past that the action got a cut-off form
      // and answered 500. A little above the actions' ceiling, so that a body over that
      // reaches the action whole and gets Next's 413 rather than a cut-off form.
      proxyClientMaxBodySize: "22mb",
    },
    async headers() {
      return [
        { source: "/:path*", headers: staticSecurityHeaders },
        {
          source: publicPaths,
          headers: [
            { key: "Content-Security-Policy", value: contentSecurityPolicy({ dev, https }) },
            ...(https ? [{ key: "Strict-Transport-Security", value: strictTransportSecurity }] : []),
          ],
        },
        // Feeds, files and JSON: listed after the rule above, so this policy replaces the
        // pages' one (a later rule's header wins) and each answer still has exactly one.
        ...[`/((?!${notPrivate}).*\\.(?:xml|txt|csv))`, ...nonDocumentSources].map((source) => ({
          source,
          headers: [{ key: "Content-Security-Policy", value: nonDocumentPolicy }],
        })),
      ];
    },
  };
};
