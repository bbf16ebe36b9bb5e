import NextAuth from "next-auth";
import { NextRequest, type NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { completeSignInRequest, signInLinkRequest } from "@/lib/auth/sign-in-route";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions);

export { handler as GET };

/**
 * next-auth's endpoints, with two of its actions taken over: requesting a link
 * (rate-limited and queued by the portal) and completing one (the token comes in the
 * POST body from /login/verify, so mail scanners that fetch links cannot use it).
 */
export async function POST(request: NextRequest, context: Context) {
  const [action, provider] = (await context.params).nextauth;
  if (provider === "email" && action === "signin") return signInLinkRequest(request);
  if (provider === "email" && action === "callback") {
    const delegated = await completeSignInRequest(request);
    return delegated instanceof NextRequest ? handler(delegated, context) : delegated;
  }
  return handler(request, context) as Promise<NextResponse>;
}
