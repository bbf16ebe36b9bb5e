import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isNonDocumentPath, isPrivatePath, newNonce, nonDocumentPolicy, strictTransportSecurity } from "@/lib/security-headers";

const sessionCookies = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Runs only on the private and sign-in pages (see `config.matcher`): gives each response
 * its per-request CSP nonce (Next reads it from the request header and stamps its own
 * scripts with it; these pages render per request, so Next sends them `no-store`) and
 * HSTS when the site is on https, and sends visitors without a session from private
 * pages to sign in. That redirect is a convenience, not access control: every private
 * page, action and route handler checks the session and role itself. The headers every
 * response carries, and the public pages' fixed CSP, are sent by
 * lib/http/stamp-security-headers.ts.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname === ONE_CLICK_PAGE) return routeOneClickUnsubscribe(request);
  if (!isPrivatePath(pathname)) return NextResponse.next();
  const https = (process.env.SITE_URL ?? "").startsWith("https:");
  // The staff area's files (CSV, PDF, résumé) are not pages: they get the policy that allows nothing.
  const csp = isNonDocumentPath(pathname) ? nonDocumentPolicy : contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development", https });

  let response: NextResponse;
  if (!pathname.startsWith("/login") && !sessionCookies.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", strictTransportSecurity);
  return response;
}

const ONE_CLICK_PAGE = "/newsletter/unsubscribe";

/**
 * RFC 8058: mail clients POST `List-Unsubscribe=One-Click` to the List-Unsubscribe URL,
 * which is the unsubscribe page's own address. Next cannot put a route handler beside a
 * page, so such a POST is rewritten to the handler at /newsletter/unsubscribe/one-click.
 * The page's Unsubscribe button is a server action that posts to the same URL; it is told
 * apart by Next's action header (with JavaScript) or its `$ACTION_` fields (without), and
 * passes through untouched, as do GETs.
 */
async function routeOneClickUnsubscribe(request: NextRequest) {
  if (request.method !== "POST" || request.headers.has("next-action")) return NextResponse.next();
  let fields: FormData;
  try {
    fields = await request.clone().formData();
  } catch {
    return NextResponse.next();
  }
  const isAction = [...fields.keys()].some((name) => name.startsWith("$ACTION"));
  if (isAction || fields.get("List-Unsubscribe") !== "One-Click") return NextResponse.next();
  const target = request.nextUrl.clone();
  target.pathname = `${ONE_CLICK_PAGE}/one-click`;
  return NextResponse.rewrite(target);
}

export const config = {
  // Written out, never computed (Next reads the matcher at build time): the first entry is
  // privatePathPrefixes of lib/security-headers.ts (a unit test keeps them in step), and
  // matches "/staff" itself too. Next builds a RegExp from every entry, twice, on every
  // request, public pages included, until one matches: two entries cost half of four.
  matcher: ["/:area(staff|account|login)/:path*", "/newsletter/unsubscribe"],
};
