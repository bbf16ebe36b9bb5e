import NextAuth from "next-auth";
import { NextRequest, type NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { completeSignInRequest, refuseSignInByGet, signInLinkRequest, unusableCallbackUrl } from "@/lib/auth/sign-in-route";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions);

/**
 * next-auth's GET endpoints (session, csrf, providers, sign-out page), except its email
 * callback: a GET must never sign anyone in (rule 5), or a link to it sent to a victim
 * would sign them in to the sender's account.
 */
export async function GET(request: NextRequest, context: Context) {
  const [action, provider] = (await context.params).nextauth;
  if (action === "callback" && provider === "email") return refuseSignInByGet();
  return unusableCallbackUrl(request) ?? (handler(request, context) as Promise<NextResponse>);
}

/**
 * next-auth's endpoints, with two of its actions taken over: requesting a link
 * (rate-limited and queued by the portal) and completing one (the token comes in the
 * POST body from /login/verify, so mail scanners that fetch links cannot use it).
 */
export async function POST(request: NextRequest, context: Context) {
  const [action, provider] = (await context.params).nextauth;
  const refused = unusableCallbackUrl(request);
  if (refused) return refused;
  if (provider === "email" && action === "signin") return signInLinkRequest(request);
  if (provider === "email" && action === "callback") {
    const delegated = await completeSignInRequest(request);
    return delegated instanceof NextRequest ? handler(delegated, context) : delegated;
  }
  return handler(request, context) as Promise<NextResponse>;
}
