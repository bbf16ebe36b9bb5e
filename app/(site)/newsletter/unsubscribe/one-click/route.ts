import type { NextRequest } from "next/server";
import { isAppError } from "@/lib/model/errors";
import { listPhrase } from "@/lib/newsletter/list-phrase";
import { unsubscribeByToken } from "@/lib/newsletter/unsubscribe";

/*
 * RFC 8058 one-click unsubscribe. Every newsletter email's List-Unsubscribe URL is the
 * unsubscribe page's own address (lib/newsletter/tokens.ts); a mail client POSTs
 * `List-Unsubscribe=One-Click` there without cookies, from any origin, and proxy.ts
 * rewrites that POST to this handler (Next cannot put a route handler beside a page). This
 * is the one cookieless POST the portal accepts (DESIGN rule 5); the token is its only
 * credential. Posting here directly works too. A campaign email's token leaves the lists
 * that email came from; a subscriber's own token (the confirmation email's) unsubscribes.
 */

const plain = (status: number, text: string) =>
  new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

async function isOneClick(request: NextRequest) {
  try {
    return (await request.formData()).get("List-Unsubscribe") === "One-Click";
  } catch {
    return false;
  }
}

export async function POST(request: NextRequest) {
  if (!(await isOneClick(request))) {
    return plain(400, "This address takes a one-click unsubscribe (RFC 8058): POST List-Unsubscribe=One-Click. To unsubscribe in a browser, open the link in the email.");
  }
  try {
    const { alreadyUnsubscribed, lists } = unsubscribeByToken(request.nextUrl.searchParams.get("token") ?? "", "one-click");
    if (lists) return plain(200, alreadyUnsubscribed ? `This address had already left ${listPhrase(lists)}.` : `You have left ${listPhrase(lists)}. Any other lists you chose stay as they were.`);
    return plain(200, alreadyUnsubscribed ? "This address was already unsubscribed." : "You are unsubscribed: no more newsletter emails will be sent to this address.");
  } catch (error) {
    if (isAppError(error)) return plain(error.status, error.message);
    console.error(error);
    return plain(500, "Something went wrong on our side and nothing was changed. Please try again.");
  }
}

/** Opening the List-Unsubscribe address in a browser shows the page with the Unsubscribe button (GET changes nothing). */
export function GET(request: NextRequest) {
  const page = new URL("/newsletter/unsubscribe", request.nextUrl.origin);
  const token = request.nextUrl.searchParams.get("token");
  if (token) page.searchParams.set("token", token);
  return new Response(null, { status: 303, headers: { Location: `${page.pathname}${page.search}`, "Cache-Control": "no-store" } });
}
