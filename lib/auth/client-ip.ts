import { getEnv } from "@/lib/env";

/**
 * Carries the TCP peer's address of each request. `next start` keeps a client's own
 * X-Forwarded-For (it adds the peer only when there is none), so the address a client
 * cannot forge is stamped here by the server itself, replacing any value a client sent
 * under this name (see `stampSocketAddresses`, started by instrumentation.ts).
 */
export const SOCKET_ADDRESS_HEADER = "x-portal-socket-address";

/**
 * The address a request came from, for every per-address limit in the portal. With
 * TRUST_PROXY=0 (the default: `npm start` serves the internet directly) it is the
 * socket's peer. Behind N reverse proxies that each append the address they received from
 * (`proxy_add_x_forwarded_for` in nginx), it is the entry N places from the end of
 * X-Forwarded-For + peer: entries further left were written by the client and prove nothing.
 */
export function clientIp(headers: Headers, trustProxy = getEnv().trustProxy) {
  const peer = headers.get(SOCKET_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustProxy === 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustProxy)]!;
}
