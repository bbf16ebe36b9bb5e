import type http from "node:http";
import { fixedSecurityHeaders } from "@/lib/security-headers";

/**
 * Puts the fixed security headers on each response before Next sees the request
 * (lib/http/request-hooks.ts). Anything answering later with a header of the same name
 * replaces it: proxy.ts's per-request CSP on private pages, a route handler's own.
 *
 * Not next.config.js `headers()`: Next matches every request against each of those rules
 * with path-to-regexp, decoding the captured path for each match, and loops over them in
 * its router; three rules cost 25–30 µs of CPU per request, 4–5 % of serving a cached
 * page (docs/performance.md). Here the choice is two prefix checks and, off the private
 * paths, a few short regular expressions, over lists built once.
 *
 * SITE_URL is read when the server starts, not when it was built: https turns on HSTS and
 * `upgrade-insecure-requests`.
 */
export function securityHeaderStamp() {
  const headersFor = fixedSecurityHeaders({
    dev: process.env.NODE_ENV === "development",
    https: (process.env.SITE_URL ?? "").startsWith("https:"),
  });
  return (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = request.url ?? "/";
    const query = url.indexOf("?");
    for (const [name, value] of headersFor(query === -1 ? url : url.slice(0, query))) response.setHeader(name, value);
  };
}
