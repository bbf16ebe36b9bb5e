/**
 * The page and data cache is ours (lib/cache/memory-cache-handler.js), registered by
 * next.config.js through the process-wide hook Next's IncrementalCache reads when no
 * `cacheHandler` is configured. If a Next upgrade stops reading it, Next falls back to its
 * file cache, which serves a build's prerendered pages whatever database the server opened:
 * this fails first.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { IncrementalCache } = require("next/dist/server/lib/incremental-cache");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const OurCacheHandler = require("@/lib/cache/memory-cache-handler.js");

const cacheOf = () =>
  new IncrementalCache({
    fs: undefined,
    dev: false,
    minimalMode: false,
    serverDistDir: "/nonexistent/.next/server",
    requestHeaders: {},
    maxMemoryCacheSize: 0,
    previewProps: { previewModeId: "x", previewModeSigningKey: "x", previewModeEncryptionKey: "x" },
    prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: {} },
    fetchCacheKeyPrefix: "",
  });

it("Next's IncrementalCache keeps pages and data in our in-memory store once next.config.js is loaded", () => {
  const hook = Symbol.for("@next/cache-handlers");
  const before = (globalThis as Record<symbol, unknown>)[hook];
  delete (globalThis as Record<symbol, unknown>)[hook];
  try {
    // Without the registration Next would use its own file cache.
    expect(cacheOf().cacheHandler).not.toBeInstanceOf(OurCacheHandler);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require("../../next.config.js");
    expect(config.cacheHandler).toBeUndefined();
    expect(config.cacheMaxMemorySize).toBe(0);
    expect(cacheOf().cacheHandler).toBeInstanceOf(OurCacheHandler);
  } finally {
    (globalThis as Record<symbol, unknown>)[hook] = before;
  }
});
