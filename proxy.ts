import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/security-headers";

const privatePaths = /^\/(staff|account)(\/|$)/;
const sessionCookies = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Runs before every page and route handler: gives the response its per-request CSP
 * nonce (Next reads it from the request header and stamps its own scripts with it) and
 * HSTS when the site is on https, and sends visitors without a session from private
 * pages to sign in. That redirect is a convenience, not access control: every private
 * page, action and route handler checks the session and role itself.
 */
export function proxy(request: NextRequest) {
  const https = (process.env.SITE_URL ?? "").startsWith("https:");
  const { pathname, search } = request.nextUrl;
  if (privatePaths.test(pathname) && !sessionCookies.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
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
