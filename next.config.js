// @ts-check

/**
 * Headers that never vary by request. The Content-Security-Policy (it carries a
 * per-request nonce) and HSTS (it depends on SITE_URL at run time) are set in proxy.ts.
 */
const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 is a native module: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  // The data cache lives in this process's memory, so it always reflects the database
  // under DATA_DIR that this server opened (see lib/cache/memory-cache-handler.js).
  cacheHandler: require.resolve("./lib/cache/memory-cache-handler.js"),
  cacheMaxMemorySize: 0,
  // `npm test` type-checks the whole project (tests included) with tsc; the build does
  // not repeat that work on every `npm start` after a change.
  typescript: { ignoreBuildErrors: true },
  // forbidden() answers 403 from a page (staff pages for members) without a redirect.
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

module.exports = nextConfig;
