// @ts-check
const { ACTION_BODY_LIMIT_BYTES, PROXY_BODY_COPY_BYTES } = require("./lib/http/body-limits.js");

/*
 * The data and page cache lives in this process's memory, so it always reflects the
 * database under DATA_DIR that this server opened (see lib/cache/memory-cache-handler.js).
 * It is registered as Next's process-wide cache class, the hook Next's IncrementalCache
 * reads when no `cacheHandler` is configured, because with `cacheHandler` set Next
 * import()s that file again for every IncrementalCache it builds, three per request:
 * measured at 10–15 % of serving a cached page (docs/performance.md). Next evaluates this
 * file in every process that serves or prerenders pages. __tests__/unit/cache-registration
 * fails if a Next upgrade stops reading the hook (Next would then fall back to its file
 * cache and serve a build's pages from another database).
 */
(/** @type {any} */ (globalThis)[Symbol.for("@next/cache-handlers")] ??= {}).FetchCache = require("./lib/cache/memory-cache-handler.js");

// The security headers are not here: `headers()` rules cost every request 25–30 µs of
// Next's routing, so lib/http/stamp-security-headers.ts sends them (docs/security.md).
/** @type {import('next').NextConfig} */
module.exports = {
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
  // The data and page cache lives in this process's memory (registered above, not as
  // `cacheHandler`); Next's own in-memory layer is off, so there is one store.
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
    // Every server action is a public POST endpoint, and Next reads an action's body
    // into memory before any role or limit check: one limit for all (Next has none per
    // action), sized to the largest text form, the staff monograph editor. At its
    // longest (five sections of 30,000 characters, 80 references, 40 evidence rows,
    // about 313,000 characters) it stays just under 1 MB even if every character took 3 bytes
    // of UTF-8, multipart headers included; a real one is about a third of that. A body
    // over it gets a 413: at once when it declares its length (lib/http/oversized-actions.ts),
    // else from Next once it has read that much. Files never go through actions: the résumé
    // and the Rutabaga Rap issue are posted to route handlers that check first and stream
    // the file to disk (app/api/jobs/[id]/applications, app/api/staff/newsletter/issues).
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
    // proxy.ts runs on /staff/** and holds a copy of each body (up to this size) for
    // itself; past it, the action would get a cut-off form and answer 500. A little above
    // the actions' limit, so that a body over that reaches the action long enough for
    // Next's 413.
    proxyClientMaxBodySize: PROXY_BODY_COPY_BYTES,
  },
};
