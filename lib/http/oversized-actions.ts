import type http from "node:http";
import { nonDocumentPolicy } from "@/lib/security-headers";
import { ACTION_BODY_LIMIT_BYTES } from "./body-limits";

/**
 * Whether a request is a POST outside /api/ (on this site, a server action: pages take no
 * other POST) that declares a body over the actions' limit.
 */
function isOversizedActionPost(request: http.IncomingMessage) {
  if (request.method !== "POST" || (request.url ?? "").startsWith("/api/")) return false;
  const declared = Number(request.headers["content-length"]);
  return Number.isFinite(declared) && declared > ACTION_BODY_LIMIT_BYTES;
}

/**
 * Answers 413 at once to a server action that declares a body over the actions' limit,
 * without reading a byte of it, and says whether it did: Next would read up to the limit
 * into memory first, for each of them at once. Uploads are not actions: their routes,
 * under /api/, read with caps of their own. A body sent without a declared length still
 * meets Next's limit (next.config.js). Run on every request before Next sees it
 * (lib/http/request-hooks.ts).
 */
export function refuseOversizedActionBody(request: http.IncomingMessage, response: http.ServerResponse) {
  if (!isOversizedActionPost(request)) return false;
  response.writeHead(413, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Security-Policy": nonDocumentPolicy,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    Connection: "close",
  });
  response.end("This form is larger than any form of this site can be, so it was not read.\n");
  return true;
}
