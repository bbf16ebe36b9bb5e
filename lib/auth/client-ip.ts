import { getEnv } from "@/lib/env";

/**
 * Carries the TCP peer's address of each request. `next start` keeps a client's own
 * X-Forwarded-For (it adds the peer only when there is none), so the address a client
 * cannot forge is stamped here by the server itself, replacing any value a client sent
 * under this name (see `stampSocketAddress`, run by lib/http/request-hooks.ts).
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

/** What every malformed address counts as: made-up text cannot buy a fresh limit. */
const UNPARSED = "unknown";

const ipv4Pattern = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail read as two groups), or null. */
function ipv6Groups(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (half: string, last: boolean): number[] | null => {
    if (half === "") return [];
    const groups: number[] = [];
    const parts = half.split(":");
    for (const [index, part] of parts.entries()) {
      if (last && index === parts.length - 1 && ipv4Pattern.test(part)) {
        const [a, b, c, d] = part.split(".").map(Number) as [number, number, number, number];
        groups.push((a << 8) | b, (c << 8) | d);
      } else if (/^[0-9a-f]{1,4}$/.test(part)) groups.push(parseInt(part, 16));
      else return null;
    }
    return groups;
  };
  const head = parse(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? parse(halves[1]!, true) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
}

/**
 * The part of a client address that per-address limits count. An IPv4 address is one
 * client; an IPv4 client of a dual-stack socket (`::ffff:a.b.c.d`) is that IPv4 address.
 * An IPv6 client is its /64: a network hands a whole /64 to one link, and a host there
 * picks (and changes) the other 64 bits itself, so counting whole addresses would give it
 * 2^64 fresh limits. Brackets, a port and a zone id are dropped; anything that is not an
 * address at all counts as "unknown", one key for all of it.
 */
export function addressForLimits(address: string): string {
  let text = address.trim().toLowerCase();
  if (text.length > 100) return UNPARSED;
  const bracketed = /^\[([^\]]*)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%.*$/, "");
  if (ipv4Pattern.test(text)) return text;
  const groups = ipv6Groups(text);
  if (!groups) return UNPARSED;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(":")}::/64`;
}
