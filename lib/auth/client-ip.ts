/**
 * The address a request came from. `next start` appends the socket's peer address to
 * X-Forwarded-For, so the last entry is the one a client cannot forge.
 */
export function clientIp(headers: Headers) {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip") || "unknown";
}
