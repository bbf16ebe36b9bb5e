import type http from "node:http";
import { SOCKET_ADDRESS_HEADER } from "./client-ip";

/**
 * Writes the request's TCP peer address into SOCKET_ADDRESS_HEADER, overwriting whatever
 * a client sent under that name. Next.js exposes no socket to route handlers or server
 * actions; this is the one place the real peer is known. Run on every request before
 * anything else sees it (lib/http/request-hooks.ts).
 */
export function stampSocketAddress(request: http.IncomingMessage) {
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
}
