import http from "node:http";
import { SOCKET_ADDRESS_HEADER } from "./client-ip";

const stamped = Symbol.for("coop.socketAddressStamped");

/**
 * Makes every HTTP server of this process write each request's TCP peer address into
 * SOCKET_ADDRESS_HEADER before anything else sees the request, overwriting whatever a
 * client sent under that name. Next.js exposes no socket to route handlers or server
 * actions; this is the one place the real peer is known.
 */
export function stampSocketAddresses() {
  const prototype = http.Server.prototype as http.Server & { [stamped]?: boolean };
  if (prototype[stamped]) return;
  prototype[stamped] = true;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
}
