import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/security-headers";

/**
 * Runs before every page and route handler: gives the response its per-request CSP
 * nonce (Next reads it from the request header and stamps its own scripts with it) and
 * HSTS when the site is on https. Access control does not live here: every private
 * page, action and route handler checks the session itself.
 */
export function proxy(request: NextRequest) {
  const https = (process.env.SITE_URL ?? "").startsWith("https:");
  const csp = contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development", https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", strictTransportSecurity);
  return response;
}

export const config = {
  // Static chunks and images carry no markup; they get the static headers from next.config.js.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
