// @ts-check
/**
 * Next.js cache handler that keeps the data cache in this process's memory.
 *
 * Next's default handler also writes cached data under `.next/cache`, which outlives the
 * process: a build reused with another DATA_DIR (tests, a restored backup, a CLI import
 * while the server was stopped) would then serve rows from a database it never opened.
 * Keeping entries in memory ties the cache to the one database this server opened; a
 * restart starts cold and reads the current rows.
 *
 * Tags expire immediately when revalidated, so a staff edit is visible on the next
 * request (read-your-writes), whatever stale-while-revalidate profile was asked for.
 */

const MAX_ENTRIES = 5000;

/**
 * One store per process, however many copies of this file are loaded: Next requires it
 * for its cache, and the server bundle carries its own copy for `expireTags` (work that
 * runs outside any request, where Next's revalidateTag cannot be called).
 * @type {{ entries: Map<string, { value: unknown, lastModified: number, tags: string[] }>, revalidatedAt: Map<string, number> }}
 */
const store = (/** @type {any} */ (globalThis)[Symbol.for("coop-portal.memory-cache")] ??= { entries: new Map(), revalidatedAt: new Map() });
const { entries, revalidatedAt } = store;

/** @param {string | string[]} tags */
function expireTags(tags) {
  const now = Date.now();
  for (const tag of [tags].flat()) revalidatedAt.set(tag, now);
}

/** @param {unknown} list */
function asTags(list) {
  return Array.isArray(list) ? list.filter((tag) => typeof tag === "string") : [];
}

/**
 * Whether any of `tags` was revalidated at or after `since`. Runs on every read of the
 * cache, each request for a cached page included, so it builds no arrays or closures
 * (the spread-and-some it replaces was 6–7 µs of a cached page's CPU, profiled).
 * @param {unknown} tags
 * @param {number} since
 */
function revalidatedSince(tags, since) {
  if (!Array.isArray(tags)) return false;
  for (const tag of tags) {
    if (typeof tag === "string" && (revalidatedAt.get(tag) ?? 0) >= since) return true;
  }
  return false;
}

/**
 * Resolves once the requests read in this turn of the event loop have reached the cache:
 * Next's response cache shares one pending lookup among all concurrent requests for the
 * same page (its Batcher), so a lookup must stay pending while they arrive. Next's own
 * file-system handler keeps it pending by reading a file; a lookup answered from memory
 * in the same turn was over before the next request was read, and every request under
 * load did the whole lookup alone. `/about` served 2,691 req/s with this wait, 1,633
 * without (20 connections, interleaved, 2026-12-06; docs/performance.md); a lone request
 * waits one turn of the loop and measured the same.
 */
const afterConcurrentRequests = () => new Promise((resolve) => setImmediate(resolve));

/** @param {any} value */
function tagsOfValue(value) {
  if (!value || typeof value !== "object") return [];
  const fromHeader = value.headers && value.headers["x-next-cache-tags"];
  return [
    ...asTags(value.tags),
    ...(typeof fromHeader === "string" ? fromHeader.split(",") : []),
  ];
}

module.exports = class MemoryCacheHandler {
  /**
   * @param {string} key
   * @param {any} ctx
   */
  async get(key, ctx) {
    // Pages and route handlers only: a data cache read (kind FETCH) runs inside a render,
    // and nothing is shared there.
    if (ctx?.kind !== "FETCH") await afterConcurrentRequests();
    const entry = entries.get(key);
    if (!entry) return null;
    const since = entry.lastModified;
    if (revalidatedSince(entry.tags, since) || revalidatedSince(ctx?.tags, since) || revalidatedSince(ctx?.softTags, since)) {
      entries.delete(key);
      return null;
    }
    // Re-insert so that Map order tracks recency for eviction.
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    if (data === null) {
      entries.delete(key);
      return;
    }
    const tags = [...asTags(ctx?.tags), ...tagsOfValue(data)];
    entries.delete(key);
    entries.set(key, { value: data, lastModified: Date.now(), tags });
    if (entries.size > MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    expireTags(tags);
  }

  /**
   * Expires tags from outside a request (the newsletter sender's loop): the entries they
   * cover are misses at their next read, as after Next's own revalidateTag.
   * @param {string[]} tags
   */
  static expireTags(tags) {
    expireTags(tags);
  }

  resetRequestCache() {}
};
