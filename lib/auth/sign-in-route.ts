import "server-only";
import { NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { signInRequestSchema } from "@/lib/validations/auth";
import { clientIp } from "./client-ip";
import { safeCallbackPath } from "./callback-path";
import { describeSignInLink, rateLimitedMessage, requestSignInLink } from "./sign-in-links";

/** The posted fields; anything that is not an object of fields (JSON `null`, a list, a number) counts as none. */
async function readForm(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  try {
    const body: unknown = type.includes("application/json") ? await request.json() : Object.fromEntries(await request.formData());
    return body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const noStore = { "Cache-Control": "no-store" };

/**
 * Whether a browser sent this request from another site. Requests without `Origin`
 * (scripts, curl) are not a browser's cross-site request; `Origin: null` (sandboxed
 * frames, some redirects) is treated as foreign.
 */
function isCrossSite(request: Request) {
  const origin = request.headers.get("origin");
  return origin !== null && origin !== new URL(getEnv().siteUrl).origin;
}

/** Whether a browser sent this request from this site's own page (browsers send Origin with every form POST). */
function isFromOurPage(request: Request) {
  return request.headers.get("origin") === new URL(getEnv().siteUrl).origin;
}

/** next-auth's own test of a callback URL: http(s), or a path on this site. */
function isHttpUrl(value: string) {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? getEnv().siteUrl : undefined).protocol);
  } catch {
    return false;
  }
}

const callbackUrlCookies = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/**
 * A 400 for a request whose `callbackUrl` (in the query, or in next-auth's cookie) is not
 * a URL: next-auth takes that for a mistake in its own setup and answers 500 ("There is a
 * problem with the server configuration"), so anyone could make the portal report a
 * server error with `?callbackUrl=x`. Null when the request may go on to next-auth.
 */
export function unusableCallbackUrl(request: NextRequest): Response | null {
  const values = [request.nextUrl.searchParams.get("callbackUrl"), ...callbackUrlCookies.map((name) => request.cookies.get(name)?.value)];
  if (values.every((value) => value === null || value === undefined || isHttpUrl(value))) return null;
  return Response.json({ error: "bad_request", message: "The address to return to after signing in is not a web address." }, { status: 400, headers: noStore });
}

/**
 * POST /api/auth/signin/email for non-browser clients: the same answer for every
 * address, 400 with field errors for a malformed one, 429 with Retry-After when limited,
 * 403 when another website's page sent it (it would spend our mail on its visitors).
 */
export async function signInLinkRequest(request: Request) {
  if (isCrossSite(request)) {
    return Response.json({ error: "forbidden", message: "Ask for a sign-in link from this site's own page." }, { status: 403, headers: noStore });
  }
  const parsed = signInRequestSchema.safeParse(await readForm(request));
  if (!parsed.success) {
    return Response.json(
      { error: "bad_request", message: "Check the email address.", fieldErrors: parsed.error.flatten().fieldErrors },
      { status: 400, headers: noStore },
    );
  }
  const result = requestSignInLink({
    email: parsed.data.email,
    ip: clientIp(request.headers),
    callbackPath: parsed.data.callbackUrl,
  });
  if (!result.ok) {
    return Response.json(
      { error: "rate_limited", message: rateLimitedMessage(result) },
      { status: 429, headers: { ...noStore, "Retry-After": String(result.retryAfterMinutes * 60) } },
    );
  }
  return Response.json(
    { ok: true, message: "If that address can receive email, a sign-in link is on its way." },
    { headers: noStore },
  );
}

/**
 * POST /api/auth/callback/email from the /login/verify button. Finds whose link the
 * token is and hands next-auth the request it expects (token and email in the query),
 * or sends the visitor back to /login when the link is unknown or used.
 */
export async function completeSignInRequest(request: NextRequest): Promise<NextRequest | Response> {
  const siteUrl = getEnv().siteUrl;
  // A form on another site must not be able to sign a visitor in to someone else's
  // account. Only the /login/verify button posts here, from a browser, which sends Origin.
  if (!isFromOurPage(request)) return new Response("Forbidden", { status: 403 });

  const form = await readForm(request);
  const token = typeof form.token === "string" ? form.token : "";
  const link = describeSignInLink(token);
  if (!link || link.expired) return Response.redirect(new URL("/login?error=Verification", siteUrl), 303);

  const target = new URL("/api/auth/callback/email", siteUrl);
  target.searchParams.set("token", token);
  target.searchParams.set("email", link.email);
  target.searchParams.set("callbackUrl", new URL(safeCallbackPath(form.callbackUrl), siteUrl).toString());
  const headers = new Headers(request.headers);
  headers.delete("content-type");
  headers.delete("content-length");
  return new NextRequest(target, { method: "POST", headers });
}

/** GET /api/auth/callback/email: changes nothing and sends the visitor to sign in, saying why. */
export function refuseSignInByGet() {
  return Response.redirect(new URL("/login?error=UseButton", getEnv().siteUrl), 303);
}
