/**
 * The address a request came from, for per-address rate limits. `next start` sets
 * X-Forwarded-For to the socket's peer only when the request has none, so the portal is
 * meant to run behind a reverse proxy that appends the real client address
 * (`proxy_add_x_forwarded_for` in nginx): the last entry is then the one a client cannot
 * forge. Exposed directly, a client can choose its own address; the per-email limit
 * still holds.
 */
export function clientIp(headers: Headers) {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip") || "unknown";
}
